package io.kasumi.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kasumi.api.sqs.OverLimitException;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The queue Policy document as AddPermission and RemovePermission edit it: one statement per
 * label (its Sid) allowing the given accounts the given SQS actions on the queue.
 */
final class QueuePolicies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final int MAX_ACTIONS = 7;
    /** The actions a queue owner can share; the rest only the owner may call. */
    private static final Set<String> SHAREABLE = Set.of("*", "SendMessage", "ReceiveMessage", "DeleteMessage",
            "ChangeMessageVisibility", "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues", "PurgeQueue",
            "ListQueueTags");
    private static final Set<String> OWNER_ONLY = Set.of("AddPermission", "RemovePermission", "CreateQueue", "DeleteQueue",
            "SetQueueAttributes", "ListQueues", "TagQueue", "UntagQueue", "StartMessageMoveTask", "CancelMessageMoveTask",
            "ListMessageMoveTasks");

    /** The policy with a statement for the label added; the label must be new. */
    static String addPermission(String policy, QueueId queue, String label, List<String> accounts, List<String> actions) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw SqsErrors.invalidParameter("Label", label,
                    "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length.");
        }
        if (accounts == null || accounts.isEmpty()) {
            throw SqsErrors.missingParameter("AWSAccountId");
        }
        if (actions == null || actions.isEmpty()) {
            throw SqsErrors.missingParameter("ActionName");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw new OverLimitException(actions.size() + " Actions were found, maximum allowed is " + MAX_ACTIONS + ".");
        }
        for (String action : actions) {
            if (OWNER_ONLY.contains(action)) {
                throw SqsErrors.invalidParameter("ActionName", "SQS:" + action,
                        "Only the queue owner is allowed to invoke this action.");
            }
            if (!SHAREABLE.contains(action)) {
                throw SqsErrors.invalidParameter("ActionName", "SQS:" + action,
                        "Please refer to the appropriate WSDL for a list of valid actions.");
            }
        }
        for (String account : accounts) {
            if (account == null || !ACCOUNT.matcher(account).matches()) {
                throw SqsErrors.invalidParameter("PrincipalId", account, "Unable to verify.");
            }
        }
        ObjectNode document = policy == null || policy.isEmpty() ? newPolicy(queue) : parse(policy);
        ArrayNode statements = statements(document);
        if (find(statements, label) >= 0) {
            throw SqsErrors.invalidParameter("Label", label, "Already exists.");
        }
        ObjectNode statement = statements.addObject();
        statement.put("Sid", label);
        statement.put("Effect", "Allow");
        ObjectNode principal = statement.putObject("Principal");
        List<String> principals = accounts.stream().distinct().map(account -> "arn:aws:iam::" + account + ":root").toList();
        putOneOrMany(principal, "AWS", principals);
        putOneOrMany(statement, "Action", actions.stream().distinct().map(action -> "SQS:" + action).toList());
        statement.put("Resource", queue.arn());
        return document.toString();
    }

    /** The policy without the label's statement, or null when no statement is left. */
    static String removePermission(String policy, String label) {
        ObjectNode document = policy == null || policy.isEmpty() ? null : parse(policy);
        ArrayNode statements = document == null ? null : statements(document);
        int index = statements == null ? -1 : find(statements, label);
        if (index < 0) {
            throw SqsErrors.invalidParameter("Label", label, "can't find label on existing policy.");
        }
        statements.remove(index);
        return statements.isEmpty() ? null : document.toString();
    }

    private static ObjectNode newPolicy(QueueId queue) {
        ObjectNode document = JSON.createObjectNode();
        document.put("Version", "2012-10-17");
        document.put("Id", queue.arn() + "/SQSDefaultPolicy");
        document.putArray("Statement");
        return document;
    }

    private static ObjectNode parse(String policy) {
        try {
            if (JSON.readTree(policy) instanceof ObjectNode document) {
                return document;
            }
        } catch (IOException e) {
            // answered below: SetQueueAttributes only stores JSON objects, so this is not expected
        }
        throw QueueAttributes.invalidValue(QueueAttributes.POLICY);
    }

    /** The Statement array; a lone statement object becomes an array of one. */
    private static ArrayNode statements(ObjectNode document) {
        JsonNode statement = document.get("Statement");
        if (statement instanceof ArrayNode array) {
            return array;
        }
        ArrayNode array = document.putArray("Statement");
        if (statement instanceof ObjectNode single) {
            array.add(single);
        }
        return array;
    }

    private static int find(ArrayNode statements, String label) {
        for (int i = 0; i < statements.size(); i++) {
            if (label != null && label.equals(statements.get(i).path("Sid").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    private static void putOneOrMany(ObjectNode node, String field, List<String> values) {
        if (values.size() == 1) {
            node.put(field, values.getFirst());
        } else {
            values.forEach(node.putArray(field)::add);
        }
    }

    private QueuePolicies() {
    }
}
