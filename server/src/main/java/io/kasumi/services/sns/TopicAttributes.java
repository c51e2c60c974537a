package io.kasumi.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Which topic attributes may be set, with what values, and what GetTopicAttributes adds. */
final class TopicAttributes {
    static final String DISPLAY_NAME = "DisplayName";
    static final String POLICY = "Policy";
    static final String DELIVERY_POLICY = "DeliveryPolicy";
    static final String SIGNATURE_VERSION = "SignatureVersion";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SETTABLE = Set.of(DISPLAY_NAME, POLICY, DELIVERY_POLICY, "KmsMasterKeyId",
            SIGNATURE_VERSION, "TracingConfig", TopicRecord.CONTENT_BASED_DEDUPLICATION, "FifoThroughputScope",
            "ArchivePolicy", "DataProtectionPolicy");
    /** Delivery status logging: HTTPSuccessFeedbackRoleArn, SQSFailureFeedbackRoleArn, LambdaSuccessFeedbackSampleRate ... */
    private static final Pattern FEEDBACK = Pattern.compile("(HTTP|Application|Lambda|SQS|Firehose)(Success|Failure)Feedback(RoleArn|SampleRate)");
    static final String EFFECTIVE_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,"
            + "\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
            + "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,"
            + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}";

    /** Checks one attribute a client sets; {@code creating} also allows FifoTopic. */
    static void check(String name, String value, boolean fifo, boolean creating) {
        if (name.equals(TopicRecord.FIFO_TOPIC)) {
            if (!creating) {
                throw SnsErrors.invalidParameter("AttributeName");
            }
            return;
        }
        if (!SETTABLE.contains(name) && !FEEDBACK.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("AttributeName");
        }
        String v = value == null ? "" : value;
        switch (name) {
            case TopicRecord.CONTENT_BASED_DEDUPLICATION -> {
                if (!fifo) {
                    throw SnsErrors.invalidParameter("Attributes Reason: ContentBasedDeduplication can only be set for FIFO topics");
                }
                if (!v.equals("true") && !v.equals("false")) {
                    throw SnsErrors.invalidParameter("ContentBasedDeduplication Reason: Invalid value [" + v + "]. Must be true or false.");
                }
            }
            case "FifoThroughputScope", "ArchivePolicy" -> {
                if (!fifo) {
                    throw SnsErrors.invalidParameter("Attributes Reason: " + name + " can only be set for FIFO topics");
                }
                if (name.equals("FifoThroughputScope") && !v.equals("Topic") && !v.equals("MessageGroup")) {
                    throw SnsErrors.invalidParameter("FifoThroughputScope Reason: Invalid value [" + v
                            + "]. Please use either Topic or MessageGroup");
                }
            }
            case SIGNATURE_VERSION -> {
                if (!v.equals("1") && !v.equals("2")) {
                    throw SnsErrors.invalidParameter("Attributes Reason: SignatureVersion: Invalid value [" + v + "]. Must be 1 or 2.");
                }
            }
            case "TracingConfig" -> {
                if (!v.equals("PassThrough") && !v.equals("Active")) {
                    throw SnsErrors.invalidParameter("Attributes Reason: TracingConfig: Invalid value [" + v
                            + "]. Must be PassThrough or Active.");
                }
            }
            case POLICY, DELIVERY_POLICY, "DataProtectionPolicy" -> {
                if (!v.isEmpty() && !isJsonObject(v)) {
                    throw SnsErrors.invalidParameter(name + ": failed to parse JSON.");
                }
            }
            case DISPLAY_NAME -> {
                if (v.length() > 100) {
                    throw SnsErrors.invalidParameter("DisplayName Reason: must be at most 100 characters long");
                }
            }
            default -> {
                // KmsMasterKeyId and feedback settings are kept as given
            }
        }
    }

    /** Everything GetTopicAttributes answers: computed values, defaults, then what was set. */
    static Map<String, String> describe(TopicRecord topic, int confirmed, int pending) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(POLICY, defaultPolicy(topic));
        out.put("Owner", topic.account());
        out.put("TopicArn", topic.arn());
        out.put(DISPLAY_NAME, "");
        out.put("SubscriptionsConfirmed", Integer.toString(confirmed));
        out.put("SubscriptionsPending", Integer.toString(pending));
        out.put("SubscriptionsDeleted", Long.toString(topic.subscriptionsDeleted()));
        out.put("EffectiveDeliveryPolicy", EFFECTIVE_DELIVERY_POLICY);
        if (topic.fifo()) {
            out.put(TopicRecord.CONTENT_BASED_DEDUPLICATION, "false");
        }
        out.putAll(topic.attributes());
        if (topic.attributes().containsKey(DELIVERY_POLICY)) {
            out.put("EffectiveDeliveryPolicy", topic.attributes().get(DELIVERY_POLICY));
        }
        out.remove("DataProtectionPolicy");
        return out;
    }

    static String defaultPolicy(TopicRecord topic) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":\"__default_statement_ID\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"SNS:GetTopicAttributes\","
                + "\"SNS:SetTopicAttributes\",\"SNS:AddPermission\",\"SNS:RemovePermission\",\"SNS:DeleteTopic\","
                + "\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\",\"SNS:Publish\"],\"Resource\":\"" + topic.arn()
                + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\"" + topic.account() + "\"}}}]}";
    }

    static boolean isJsonObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static boolean isJsonArray(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isArray()) {
                return false;
            }
            for (JsonNode item : node) {
                if (item.isContainerNode()) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private TopicAttributes() {
    }
}
