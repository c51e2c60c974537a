package io.kasumi.services.sns;

import java.time.Instant;
import java.util.Map;

/**
 * One accepted publish, ready to fan out.
 *
 * @param perProtocol with MessageStructure=json, the message by protocol ("default" always present); else null
 * @param sequenceNumber FIFO topics only
 */
record Publication(String messageId, String message, Map<String, String> perProtocol, String subject,
                   Map<String, PublishAttribute> attributes, String groupId, String deduplicationId,
                   String sequenceNumber, Instant timestamp) {

    /** The message a subscriber of this protocol receives. */
    String messageFor(String protocol) {
        if (perProtocol == null) {
            return message;
        }
        return perProtocol.getOrDefault(protocol, perProtocol.get("default"));
    }
}
