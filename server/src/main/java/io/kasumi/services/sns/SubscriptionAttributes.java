package io.kasumi.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Which subscription attributes may be set, with what values, and what GetSubscriptionAttributes adds. */
final class SubscriptionAttributes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SETTABLE = Set.of("DeliveryPolicy", SubscriptionRecord.FILTER_POLICY,
            SubscriptionRecord.FILTER_POLICY_SCOPE, SubscriptionRecord.RAW_MESSAGE_DELIVERY,
            SubscriptionRecord.REDRIVE_POLICY, "SubscriptionRoleArn", "ReplayPolicy");

    /** Checks one attribute, the subscription's other attributes known (a filter policy depends on its scope). */
    static void check(String name, String value, String protocol, Map<String, String> others) {
        if (!SETTABLE.contains(name)) {
            throw SnsErrors.invalidParameter("AttributeName");
        }
        String v = value == null ? "" : value;
        switch (name) {
            case SubscriptionRecord.RAW_MESSAGE_DELIVERY -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw SnsErrors.invalidParameter("Attributes Reason: RawMessageDelivery: Invalid value [" + v
                            + "]. Must be true or false.");
                }
                if (v.equalsIgnoreCase("true") && !Set.of("sqs", "http", "https", "firehose").contains(protocol)) {
                    throw SnsErrors.invalidParameter("Attributes Reason: Delivery protocol [" + protocol
                            + "] does not support raw message delivery.");
                }
            }
            case SubscriptionRecord.FILTER_POLICY_SCOPE -> {
                if (!v.equals("MessageAttributes") && !v.equals("MessageBody")) {
                    throw SnsErrors.invalidParameter("FilterPolicyScope: Invalid value [" + v
                            + "]. Please use either MessageBody or MessageAttributes");
                }
                String policy = others.get(SubscriptionRecord.FILTER_POLICY);
                if (policy != null && !policy.isEmpty()) {
                    FilterPolicies.validate(policy, v.equals("MessageBody"));
                }
            }
            case SubscriptionRecord.FILTER_POLICY -> {
                if (!v.isEmpty()) {
                    FilterPolicies.validate(v, "MessageBody".equals(others.get(SubscriptionRecord.FILTER_POLICY_SCOPE)));
                }
            }
            case SubscriptionRecord.REDRIVE_POLICY -> {
                if (!v.isEmpty()) {
                    deadLetterTarget(v);
                }
            }
            case "DeliveryPolicy" -> {
                if (!v.isEmpty() && !TopicAttributes.isJsonObject(v)) {
                    throw SnsErrors.invalidParameter("DeliveryPolicy: failed to parse JSON.");
                }
            }
            default -> {
                // kept as given
            }
        }
    }

    /** The SQS queue ARN a RedrivePolicy names. */
    static String deadLetterTarget(String redrivePolicy) {
        JsonNode node;
        try {
            node = JSON.readTree(redrivePolicy);
        } catch (IOException e) {
            throw SnsErrors.invalidParameter("RedrivePolicy: failed to parse JSON.");
        }
        JsonNode target = node == null ? null : node.get("deadLetterTargetArn");
        if (target == null || !target.isTextual()) {
            throw SnsErrors.invalidParameter("RedrivePolicy: deadLetterTargetArn is missing");
        }
        if (!target.asText().startsWith("arn:aws:sqs:")) {
            throw SnsErrors.invalidParameter("RedrivePolicy: Invalid deadLetterTargetArn: " + target.asText());
        }
        return target.asText();
    }

    /** Everything GetSubscriptionAttributes answers. */
    static Map<String, String> describe(SubscriptionRecord subscription) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Owner", subscription.account());
        out.put("RawMessageDelivery", "false");
        out.put("TopicArn", subscription.topicArn());
        out.put("Endpoint", subscription.endpoint());
        out.put("Protocol", subscription.protocol());
        out.put("PendingConfirmation", Boolean.toString(!subscription.confirmed()));
        out.put("ConfirmationWasAuthenticated", Boolean.toString(subscription.confirmed()));
        out.put("SubscriptionArn", subscription.arn());
        out.put("SubscriptionPrincipal", "arn:aws:iam::" + subscription.account() + ":root");
        if (subscription.protocol().startsWith("http")) {
            out.put("EffectiveDeliveryPolicy", TopicAttributes.EFFECTIVE_DELIVERY_POLICY);
        }
        out.putAll(subscription.attributes());
        return out;
    }

    private SubscriptionAttributes() {
    }
}
