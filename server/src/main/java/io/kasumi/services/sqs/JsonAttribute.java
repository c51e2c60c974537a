package io.kasumi.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Queue attributes whose values are JSON documents (RedrivePolicy, RedriveAllowPolicy). */
final class JsonAttribute {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The attribute's JSON object, or SQS's InvalidParameterValue with the given reason. */
    static JsonNode object(String attribute, String json, String notAMap) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw SqsErrors.invalidParameter(attribute, json, notAMap);
        }
        return node;
    }

    private JsonAttribute() {
    }
}
