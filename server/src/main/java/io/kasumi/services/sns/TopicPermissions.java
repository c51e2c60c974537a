package io.kasumi.services.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AddPermission and RemovePermission: statements, named by their label (Sid), added to or removed
 * from the topic's Policy (the default policy when none was set).
 */
final class TopicPermissions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Set<String> ACTIONS = Set.of("AddPermission", "DeleteTopic", "GetDataProtectionPolicy",
            "GetTopicAttributes", "ListSubscriptionsByTopic", "ListTagsForResource", "Publish", "PutDataProtectionPolicy",
            "RemovePermission", "SetTopicAttributes", "Subscribe", "TagResource", "UntagResource", "*");

    /** The topic's policy with an Allow statement for the accounts and actions under {@code label}. */
    static String add(TopicRecord topic, String label, List<String> accounts, List<String> actions) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw SnsErrors.invalidParameter("Label");
        }
        if (accounts == null || accounts.isEmpty()) {
            throw SnsErrors.invalidParameter("AWSAccountId");
        }
        if (actions == null || actions.isEmpty()) {
            throw SnsErrors.invalidParameter("ActionName");
        }
        for (String action : actions) {
            if (!ACTIONS.contains(action)) {
                throw SnsErrors.invalidParameter("Policy statement action out of service scope!");
            }
        }
        ObjectNode policy = policy(topic);
        ArrayNode statements = statements(policy);
        for (JsonNode statement : statements) {
            if (label.equals(statement.path("Sid").asText(null))) {
                throw SnsErrors.invalidParameter("Statement already exists");
            }
        }
        ObjectNode statement = statements.addObject();
        statement.put("Sid", label);
        statement.put("Effect", "Allow");
        ObjectNode principal = statement.putObject("Principal");
        oneOrMany(principal, "AWS", accounts.stream()
                .map(account -> ACCOUNT.matcher(account).matches() ? "arn:aws:iam::" + account + ":root" : account)
                .toList());
        oneOrMany(statement, "Action", actions.stream().map(action -> "SNS:" + action).toList());
        statement.put("Resource", topic.arn());
        return write(policy);
    }

    /** The topic's policy without the statement labelled {@code label}. */
    static String remove(TopicRecord topic, String label) {
        if (label == null || label.isEmpty()) {
            throw SnsErrors.invalidParameter("Label");
        }
        ObjectNode policy = policy(topic);
        ArrayNode statements = statements(policy);
        for (int i = 0; i < statements.size(); i++) {
            if (label.equals(statements.get(i).path("Sid").asText(null))) {
                statements.remove(i);
                return write(policy);
            }
        }
        throw SnsErrors.invalidParameter("Statement with the label " + label + " does not exist");
    }

    private static ObjectNode policy(TopicRecord topic) {
        String text = topic.attributes().get(TopicAttributes.POLICY);
        if (text == null || text.isEmpty()) {
            text = TopicAttributes.defaultPolicy(topic);
        }
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw SnsErrors.invalidParameter("Policy: failed to parse JSON.");
        }
    }

    private static ArrayNode statements(ObjectNode policy) {
        JsonNode statements = policy.get("Statement");
        if (statements instanceof ArrayNode array) {
            return array;
        }
        ArrayNode array = policy.putArray("Statement");
        if (statements != null && statements.isObject()) {
            array.add(statements);
        }
        return array;
    }

    private static void oneOrMany(ObjectNode node, String field, List<String> values) {
        if (values.size() == 1) {
            node.put(field, values.getFirst());
        } else {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    private static String write(ObjectNode policy) {
        try {
            return JSON.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TopicPermissions() {
    }
}
