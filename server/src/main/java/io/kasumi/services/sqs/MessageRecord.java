package io.kasumi.services.sqs;

import java.util.Map;

/**
 * A message as stored, with its delivery state.
 *
 * @param sequence the queue-wide send order (also the FIFO SequenceNumber's source)
 * @param sentMillis when it was sent (SentTimestamp); retention counts from here
 * @param visibleAtMillis when it may next be received: after a delay or a visibility timeout
 * @param receiveCount ApproximateReceiveCount
 * @param firstReceiveMillis ApproximateFirstReceiveTimestamp, 0 before the first receive
 * @param lastReceiveMillis when the current receive happened (the 12-hour visibility limit counts from it)
 * @param receipt the nonce of the latest receive's receipt handle, null before the first receive
 * @param deadLetterSourceArn the queue it was moved from by redrive, or null
 */
record MessageRecord(long sequence, String messageId, String body, Map<String, AttributeValue> attributes,
                     String traceHeader, String senderId, long sentMillis, long visibleAtMillis, int receiveCount,
                     long firstReceiveMillis, long lastReceiveMillis, String receipt, String groupId,
                     String deduplicationId, String deadLetterSourceArn) {

    MessageRecord {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    boolean visibleAt(long nowMillis) {
        return visibleAtMillis <= nowMillis;
    }

    /** Received and still within its visibility timeout. */
    boolean inFlightAt(long nowMillis) {
        return receiveCount > 0 && visibleAtMillis > nowMillis;
    }

    MessageRecord received(long nowMillis, long visibleUntil, String nonce) {
        return new MessageRecord(sequence, messageId, body, attributes, traceHeader, senderId, sentMillis, visibleUntil,
                receiveCount + 1, firstReceiveMillis == 0 ? nowMillis : firstReceiveMillis, nowMillis, nonce, groupId,
                deduplicationId, deadLetterSourceArn);
    }

    MessageRecord visibleFrom(long millis) {
        return new MessageRecord(sequence, messageId, body, attributes, traceHeader, senderId, sentMillis, millis,
                receiveCount, firstReceiveMillis, lastReceiveMillis, receipt, groupId, deduplicationId, deadLetterSourceArn);
    }

    /** The copy a dead-letter queue keeps: a new place in its order, visible now. */
    MessageRecord movedTo(long newSequence, String sourceArn, long nowMillis) {
        return new MessageRecord(newSequence, messageId, body, attributes, traceHeader, senderId, sentMillis, nowMillis,
                receiveCount, firstReceiveMillis, 0, null, groupId, deduplicationId, sourceArn);
    }

    /** The copy a message move task hands back: a new place in the target's order, never received. */
    MessageRecord redriven(long newSequence, long nowMillis) {
        return new MessageRecord(newSequence, messageId, body, attributes, traceHeader, senderId, sentMillis, nowMillis,
                0, 0, 0, null, groupId, deduplicationId, null);
    }

    /** AWS's FIFO sequence numbers are 20-digit, ever-increasing numbers. */
    String sequenceNumber() {
        return sequenceNumber(sequence);
    }

    static String sequenceNumber(long sequence) {
        return "1" + String.format("%019d", sequence);
    }
}
