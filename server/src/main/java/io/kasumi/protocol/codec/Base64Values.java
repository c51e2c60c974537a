package io.kasumi.protocol.codec;

import java.util.Base64;

/** Standard base64 (RFC 4648 with padding), decoded strictly: blobs in JSON bodies and headers. */
public final class Base64Values {
    private Base64Values() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes padded base64; anything else (missing padding, url-safe alphabet) is a SerializationException. */
    public static byte[] decode(String text) {
        if (text.length() % 4 != 0) {
            throw CodecErrors.serialization("invalid base64 value");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw CodecErrors.serialization("invalid base64 value");
        }
    }
}
