package io.kasumi.services.sqs;

import java.util.Map;

/**
 * A queue as stored: its settable attributes (defaults included) and tags.
 *
 * @param createdSeconds epoch seconds, as CreatedTimestamp reports it
 * @param lastModifiedSeconds epoch seconds of the last attribute change
 */
record QueueRecord(String account, String region, String name, Map<String, String> attributes,
                   Map<String, String> tags, long createdSeconds, long lastModifiedSeconds) {

    QueueRecord {
        attributes = Map.copyOf(attributes);
        tags = Map.copyOf(tags);
    }

    QueueId id() {
        return new QueueId(account, region, name);
    }

    boolean fifo() {
        return "true".equals(attributes.get(QueueAttributes.FIFO_QUEUE));
    }

    int intAttribute(String name) {
        return QueueAttributes.intValue(attributes, name);
    }

    RedrivePolicy redrivePolicy() {
        return RedrivePolicy.of(attributes.get(QueueAttributes.REDRIVE_POLICY));
    }

    QueueRecord withAttributes(Map<String, String> newAttributes, long modifiedSeconds) {
        return new QueueRecord(account, region, name, newAttributes, tags, createdSeconds, modifiedSeconds);
    }

    QueueRecord withTags(Map<String, String> newTags) {
        return new QueueRecord(account, region, name, attributes, newTags, createdSeconds, lastModifiedSeconds);
    }
}
