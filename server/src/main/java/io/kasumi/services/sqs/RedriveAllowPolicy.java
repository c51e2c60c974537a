package io.kasumi.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** Which source queues may use this queue as their dead-letter queue. */
record RedriveAllowPolicy(String json, String permission, Set<String> sourceQueueArns) {
    static RedriveAllowPolicy parse(String json) {
        JsonNode node = JsonAttribute.object("RedriveAllowPolicy", json, "Redrive allow policy is not a valid JSON map.");
        String permission = node.path("redrivePermission").asText("");
        if (!Set.of("allowAll", "denyAll", "byQueue").contains(permission)) {
            throw SqsErrors.invalidParameter("RedriveAllowPolicy", json,
                    "Invalid value for redrivePermission: " + permission + ", valid values are allowAll, denyAll, byQueue.");
        }
        java.util.LinkedHashSet<String> arns = new java.util.LinkedHashSet<>();
        node.path("sourceQueueArns").forEach(arn -> arns.add(arn.asText()));
        if (permission.equals("byQueue") && (arns.isEmpty() || arns.size() > 10)) {
            throw SqsErrors.invalidParameter("RedriveAllowPolicy", json,
                    "sourceQueueArns must contain 1 to 10 queue ARNs when redrivePermission is byQueue.");
        }
        if (!permission.equals("byQueue") && !arns.isEmpty()) {
            throw SqsErrors.invalidParameter("RedriveAllowPolicy", json,
                    "sourceQueueArns is only allowed when redrivePermission is byQueue.");
        }
        return new RedriveAllowPolicy(json, permission, Set.copyOf(arns));
    }

    boolean allows(String sourceArn) {
        return switch (permission) {
            case "allowAll" -> true;
            case "denyAll" -> false;
            default -> sourceQueueArns.contains(sourceArn);
        };
    }
}
