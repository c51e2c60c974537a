package io.kasumi.services.sqs;

import io.kasumi.api.sqs.ReceiptHandleIsInvalidException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The handle of one receive of one message: opaque to clients, it names the queue, the message's
 * place in it and the nonce of that receive (each receive gets a new one).
 */
record ReceiptHandle(QueueId queue, long sequence, String nonce) {
    private static final String VERSION = "k1";

    String encode() {
        String plain = String.join("\n", VERSION, queue.account(), queue.region(), queue.name(), Long.toString(sequence), nonce);
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ReceiptHandle decode(String handle) {
        try {
            String[] parts = new String(Base64.getDecoder().decode(handle.trim()), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == 6 && parts[0].equals(VERSION)) {
                return new ReceiptHandle(new QueueId(parts[1], parts[2], parts[3]), Long.parseLong(parts[4]), parts[5]);
            }
        } catch (IllegalArgumentException e) {
            // not ours: answered below
        }
        throw invalid(handle);
    }

    static ReceiptHandleIsInvalidException invalid(String handle) {
        return new ReceiptHandleIsInvalidException("The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }
}
