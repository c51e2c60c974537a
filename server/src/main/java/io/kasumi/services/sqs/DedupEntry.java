package io.kasumi.services.sqs;

/** A FIFO deduplication id seen within the five-minute window, and what it answered. */
record DedupEntry(String key, String messageId, long sequence, long expiresMillis) {
}
