package io.kasumi.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A queue's dead-letter settings: where messages go after maxReceiveCount receives. */
record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses the attribute's JSON; maxReceiveCount may be a number or a numeric string. */
    static RedrivePolicy parse(String json) {
        JsonNode node = JsonAttribute.object("RedrivePolicy", json, "Redrive policy is not a valid JSON map.");
        JsonNode arn = node.get("deadLetterTargetArn");
        JsonNode count = node.get("maxReceiveCount");
        if (arn == null || !arn.isTextual() || QueueId.fromArn(arn.asText()) == null) {
            throw SqsErrors.invalidParameter("RedrivePolicy", json, "Invalid value for deadLetterTargetArn.");
        }
        int max;
        try {
            max = count == null ? -1 : count.isNumber() ? count.asInt() : Integer.parseInt(count.asText().trim());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (count == null) {
            throw SqsErrors.invalidParameter("RedrivePolicy", json, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        }
        if (max < 1 || max > 1000) {
            throw SqsErrors.invalidParameter("RedrivePolicy", json,
                    "Invalid value for maxReceiveCount: " + count.asText() + ", valid values are from 1 to 1000 both inclusive.");
        }
        return new RedrivePolicy(arn.asText(), max);
    }

    /** May be absent or empty (no dead-letter queue). */
    static RedrivePolicy of(String json) {
        return json == null || json.isEmpty() ? null : parse(json);
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("deadLetterTargetArn", deadLetterTargetArn);
        node.put("maxReceiveCount", maxReceiveCount);
        return node.toString();
    }
}
