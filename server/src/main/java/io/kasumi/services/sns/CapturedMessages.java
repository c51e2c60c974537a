package io.kasumi.services.sns;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * What SNS would have sent by email or SMS, kept in memory (the newest {@value #LIMIT}) and
 * readable at {@code GET /_kasumi/sns/messages}.
 */
final class CapturedMessages {
    private static final int LIMIT = 10_000;

    /**
     * One captured message.
     *
     * @param type Notification or SubscriptionConfirmation
     * @param message the text the recipient reads (for email-json, the JSON document)
     * @param subscribeUrl for a confirmation, where to confirm it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Captured(String type, String protocol, String endpoint, String topicArn, String subscriptionArn,
                    String messageId, String subject, String message, String timestamp, String subscribeUrl,
                    String token) {
    }

    private final Deque<Captured> messages = new ArrayDeque<>();

    synchronized void add(Captured message) {
        if (messages.size() == LIMIT) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    synchronized List<Captured> list(Predicate<Captured> filter) {
        return messages.stream().filter(filter).toList();
    }

    synchronized void clear() {
        messages.clear();
    }
}
