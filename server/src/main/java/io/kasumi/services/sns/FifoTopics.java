package io.kasumi.services.sns;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FIFO topic bookkeeping kept in memory: sequence numbers, and the deduplication ids seen in the
 * last five minutes (a repeat answers the first publish's id and is not delivered again).
 */
final class FifoTopics {
    private static final Duration DEDUP_WINDOW = Duration.ofMinutes(5);

    /** What the first publish with a deduplication id answered. */
    record Accepted(String messageId, String sequenceNumber, Instant at) {
    }

    private final Map<String, Map<String, Accepted>> seen = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** The earlier publish this one repeats, or null after recording it as the first. */
    synchronized Accepted firstOrRecord(String topicArn, String deduplicationId, Accepted candidate) {
        Map<String, Accepted> topic = seen.computeIfAbsent(topicArn, t -> new ConcurrentHashMap<>());
        topic.values().removeIf(a -> a.at().plus(DEDUP_WINDOW).isBefore(candidate.at()));
        Accepted earlier = topic.get(deduplicationId);
        if (earlier != null) {
            return earlier;
        }
        topic.put(deduplicationId, candidate);
        return null;
    }

    /** A 20-digit, strictly increasing sequence number, as SNS FIFO topics answer. */
    String nextSequenceNumber() {
        return "1" + String.format("%019d", sequence.incrementAndGet());
    }

    void forget(String topicArn) {
        seen.remove(topicArn);
    }

    void clear() {
        seen.clear();
    }
}
