package io.kasumi.services.sqs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MD5 digests SQS returns and SDKs verify: of the body, and of the message (system)
 * attributes encoded as AWS documents it: attributes sorted by name, each as length-prefixed
 * name, length-prefixed data type, a transport byte (1 string/number, 2 binary) and the
 * length-prefixed value, lengths as 4-byte big-endian integers.
 */
final class MessageDigests {
    private static final byte STRING_TRANSPORT = 1;
    private static final byte BINARY_TRANSPORT = 2;

    static String ofBody(String body) {
        return hex(md5().digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Null for no attributes, as AWS leaves the digest out then. */
    static String ofAttributes(Map<String, AttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        MessageDigest md5 = md5();
        new TreeMap<>(attributes).forEach((name, value) -> {
            lengthPrefixed(md5, name.getBytes(StandardCharsets.UTF_8));
            lengthPrefixed(md5, value.dataType().getBytes(StandardCharsets.UTF_8));
            if (value.binary()) {
                md5.update(BINARY_TRANSPORT);
                lengthPrefixed(md5, value.binaryValue());
            } else {
                md5.update(STRING_TRANSPORT);
                lengthPrefixed(md5, value.stringValue().getBytes(StandardCharsets.UTF_8));
            }
        });
        return hex(md5.digest());
    }

    private static void lengthPrefixed(MessageDigest md5, byte[] bytes) {
        md5.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md5.update(bytes);
    }

    static String sha256(String text) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private MessageDigests() {
    }
}
