package io.kasumi.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** MessageStructure=json: one message per protocol, with "default" for the rest. */
final class MessageStructures {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, String> parse(String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (IOException e) {
            throw SnsErrors.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        if (node == null || !node.isObject()) {
            throw SnsErrors.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            out.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
        }
        if (!out.containsKey("default")) {
            throw SnsErrors.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        return out;
    }

    private MessageStructures() {
    }
}
