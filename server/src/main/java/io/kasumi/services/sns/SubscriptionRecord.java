package io.kasumi.services.sns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subscription as stored. Pending ones (http, https, email) wait for {@code token} to be confirmed.
 *
 * @param account the subscriber's account (the subscription's Owner)
 * @param attributes the settable attributes (RawMessageDelivery, FilterPolicy, ...)
 * @param createdMillis orders a topic's subscriptions
 */
record SubscriptionRecord(String arn, String topicArn, String account, String protocol, String endpoint,
                          Map<String, String> attributes, boolean confirmed, String token, long createdMillis) {

    static final String RAW_MESSAGE_DELIVERY = "RawMessageDelivery";
    static final String FILTER_POLICY = "FilterPolicy";
    static final String FILTER_POLICY_SCOPE = "FilterPolicyScope";
    static final String REDRIVE_POLICY = "RedrivePolicy";

    boolean raw() {
        return "true".equalsIgnoreCase(attributes.get(RAW_MESSAGE_DELIVERY));
    }

    SubscriptionRecord withAttributes(Map<String, String> updated) {
        return new SubscriptionRecord(arn, topicArn, account, protocol, endpoint, updated, confirmed, token, createdMillis);
    }

    SubscriptionRecord withAttribute(String name, String value) {
        Map<String, String> updated = new LinkedHashMap<>(attributes);
        if (value == null || value.isEmpty()) {
            updated.remove(name);
        } else {
            updated.put(name, value);
        }
        return withAttributes(updated);
    }

    SubscriptionRecord confirm() {
        return new SubscriptionRecord(arn, topicArn, account, protocol, endpoint, attributes, true, token, createdMillis);
    }
}
