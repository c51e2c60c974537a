package io.kasumi.services.sns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A topic as stored: its settable attributes (computed ones are added when read), tags, the data
 * protection policy and how many subscriptions it has lost.
 */
record TopicRecord(String account, String region, String name, Map<String, String> attributes,
                   Map<String, String> tags, String dataProtectionPolicy, long subscriptionsDeleted) {

    static final String FIFO_TOPIC = "FifoTopic";
    static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";

    String arn() {
        return arn(region, account, name);
    }

    static String arn(String region, String account, String name) {
        return "arn:aws:sns:" + region + ":" + account + ":" + name;
    }

    boolean fifo() {
        return "true".equals(attributes.get(FIFO_TOPIC));
    }

    boolean contentBasedDeduplication() {
        return "true".equals(attributes.get(CONTENT_BASED_DEDUPLICATION));
    }

    TopicRecord withAttribute(String name, String value) {
        Map<String, String> updated = new LinkedHashMap<>(attributes);
        updated.put(name, value);
        return new TopicRecord(account, region, this.name, updated, tags, dataProtectionPolicy, subscriptionsDeleted);
    }

    TopicRecord withTags(Map<String, String> updated) {
        return new TopicRecord(account, region, name, attributes, updated, dataProtectionPolicy, subscriptionsDeleted);
    }

    TopicRecord withDataProtectionPolicy(String policy) {
        return new TopicRecord(account, region, name, attributes, tags, policy, subscriptionsDeleted);
    }

    TopicRecord withOneMoreDeleted() {
        return new TopicRecord(account, region, name, attributes, tags, dataProtectionPolicy, subscriptionsDeleted + 1);
    }
}
