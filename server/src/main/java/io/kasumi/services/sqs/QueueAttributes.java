package io.kasumi.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.api.sqs.InvalidAttributeNameException;
import io.kasumi.api.sqs.InvalidAttributeValueException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settable queue attributes: names, defaults and the ranges AWS enforces. Values are kept
 * as the strings GetQueueAttributes returns.
 */
final class QueueAttributes {
    static final String DELAY_SECONDS = "DelaySeconds";
    static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
    static final String MESSAGE_RETENTION_PERIOD = "MessageRetentionPeriod";
    static final String POLICY = "Policy";
    static final String RECEIVE_MESSAGE_WAIT_TIME_SECONDS = "ReceiveMessageWaitTimeSeconds";
    static final String VISIBILITY_TIMEOUT = "VisibilityTimeout";
    static final String REDRIVE_POLICY = "RedrivePolicy";
    static final String REDRIVE_ALLOW_POLICY = "RedriveAllowPolicy";
    static final String KMS_MASTER_KEY_ID = "KmsMasterKeyId";
    static final String KMS_DATA_KEY_REUSE_PERIOD_SECONDS = "KmsDataKeyReusePeriodSeconds";
    static final String SQS_MANAGED_SSE_ENABLED = "SqsManagedSseEnabled";
    static final String FIFO_QUEUE = "FifoQueue";
    static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";
    static final String DEDUPLICATION_SCOPE = "DeduplicationScope";
    static final String FIFO_THROUGHPUT_LIMIT = "FifoThroughputLimit";

    /** AWS raised the largest message from 256 KiB to 1 MiB in 2025, and made it the default. */
    static final int MAX_MESSAGE_SIZE = 1_048_576;
    static final int MAX_VISIBILITY_TIMEOUT = 43_200;

    /** What GetQueueAttributes computes rather than stores. */
    static final Set<String> COMPUTED = Set.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp", "QueueArn");

    private static final Set<String> SETTABLE = Set.of(DELAY_SECONDS, MAXIMUM_MESSAGE_SIZE, MESSAGE_RETENTION_PERIOD,
            POLICY, RECEIVE_MESSAGE_WAIT_TIME_SECONDS, VISIBILITY_TIMEOUT, REDRIVE_POLICY, REDRIVE_ALLOW_POLICY,
            KMS_MASTER_KEY_ID, KMS_DATA_KEY_REUSE_PERIOD_SECONDS, SQS_MANAGED_SSE_ENABLED);
    private static final Set<String> FIFO_ONLY = Set.of(CONTENT_BASED_DEDUPLICATION, DEDUPLICATION_SCOPE, FIFO_THROUGHPUT_LIMIT);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The attributes of a new queue before the caller's are applied. */
    static Map<String, String> defaults(boolean fifo) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(DELAY_SECONDS, "0");
        attributes.put(MAXIMUM_MESSAGE_SIZE, Integer.toString(MAX_MESSAGE_SIZE));
        attributes.put(MESSAGE_RETENTION_PERIOD, "345600");
        attributes.put(RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "0");
        attributes.put(VISIBILITY_TIMEOUT, "30");
        attributes.put(SQS_MANAGED_SSE_ENABLED, "true");
        if (fifo) {
            attributes.put(FIFO_QUEUE, "true");
            attributes.put(CONTENT_BASED_DEDUPLICATION, "false");
            attributes.put(DEDUPLICATION_SCOPE, "queue");
            attributes.put(FIFO_THROUGHPUT_LIMIT, "perQueue");
        }
        return attributes;
    }

    /**
     * Checks the attributes a caller sets and returns them normalized (an empty RedrivePolicy
     * stays empty: it removes the policy). FifoQueue is only accepted when creating.
     */
    static Map<String, String> validate(Map<String, String> requested, boolean fifo, boolean creating) {
        Map<String, String> out = new LinkedHashMap<>();
        if (requested == null) {
            return out;
        }
        requested.forEach((name, value) -> {
            boolean known = SETTABLE.contains(name) || (fifo && FIFO_ONLY.contains(name)) || (creating && name.equals(FIFO_QUEUE));
            if (!known) {
                throw new InvalidAttributeNameException("Unknown Attribute " + name + ".");
            }
            if (value == null) {
                throw invalidValue(name);
            }
            out.put(name, switch (name) {
                case DELAY_SECONDS -> integer(name, value, 0, 900);
                case MAXIMUM_MESSAGE_SIZE -> integer(name, value, 1024, MAX_MESSAGE_SIZE);
                case MESSAGE_RETENTION_PERIOD -> integer(name, value, 60, 1_209_600);
                case RECEIVE_MESSAGE_WAIT_TIME_SECONDS -> integer(name, value, 0, 20);
                case VISIBILITY_TIMEOUT -> integer(name, value, 0, MAX_VISIBILITY_TIMEOUT);
                case KMS_DATA_KEY_REUSE_PERIOD_SECONDS -> integer(name, value, 60, 86_400);
                case SQS_MANAGED_SSE_ENABLED, CONTENT_BASED_DEDUPLICATION -> bool(name, value);
                case FIFO_QUEUE -> fifoFlag(value, fifo);
                case DEDUPLICATION_SCOPE -> oneOf(name, value, Set.of("messageGroup", "queue"));
                case FIFO_THROUGHPUT_LIMIT -> oneOf(name, value, Set.of("perQueue", "perMessageGroupId"));
                case POLICY -> jsonObject(name, value);
                case REDRIVE_POLICY -> value.isEmpty() ? value : RedrivePolicy.parse(value).toJson();
                case REDRIVE_ALLOW_POLICY -> value.isEmpty() ? value : RedriveAllowPolicy.parse(value).json();
                default -> value;
            });
        });
        return out;
    }

    /** Checks that combinations AWS refuses do not arise once the new values apply. */
    static void checkCombination(Map<String, String> effective) {
        if ("perMessageGroupId".equals(effective.get(FIFO_THROUGHPUT_LIMIT))
                && !"messageGroup".equals(effective.get(DEDUPLICATION_SCOPE))) {
            throw new InvalidAttributeValueException("Invalid value for the parameter FifoThroughputLimit. "
                    + "Reason: FifoThroughputLimit perMessageGroupId requires DeduplicationScope messageGroup.");
        }
    }

    static int intValue(Map<String, String> attributes, String name) {
        return Integer.parseInt(attributes.get(name));
    }

    private static String integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw invalidValue(name);
            }
            return Integer.toString(parsed);
        } catch (NumberFormatException e) {
            throw invalidValue(name);
        }
    }

    private static String bool(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.toLowerCase();
        }
        throw invalidValue(name);
    }

    private static String fifoFlag(String value, boolean fifo) {
        String flag = bool(FIFO_QUEUE, value);
        if (flag.equals("true") != fifo) {
            throw invalidValue(FIFO_QUEUE);
        }
        return flag;
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw invalidValue(name);
        }
        return value;
    }

    private static String jsonObject(String name, String value) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node != null && node.isObject()) {
                return value;
            }
        } catch (IOException e) {
            // falls through to the error below
        }
        throw invalidValue(name);
    }

    static InvalidAttributeValueException invalidValue(String name) {
        return new InvalidAttributeValueException("Invalid value for the parameter " + name + ".");
    }

    private QueueAttributes() {
    }
}
