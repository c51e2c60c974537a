package io.kasumi.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tuple encoding of store keys: a key is a sequence of parts (service, account, region, table,
 * item ...), each part's bytes with 0x00 escaped as {@code 00 FF} and terminated by {@code 00 01}.
 *
 * <p>The encoding is unambiguous (a terminator never occurs inside a part) and order-preserving:
 * tuples compare part by part, each part as unsigned bytes, and a shorter part sorts first. An
 * encoded tuple is a prefix of every key that extends it, and of no other, so
 * {@code store.prefix(Keys.of("sqs", account, region))} scans exactly that namespace. Strings are
 * UTF-8, whose byte order is code point order (what S3 and DynamoDB sort by).
 */
public final class Keys {

    static final byte ESCAPE = 0x00;
    static final byte ESCAPED_ZERO = (byte) 0xFF;
    static final byte TERMINATOR = 0x01;

    private Keys() {
    }

    /** The key of a tuple of string parts. */
    public static byte[] of(String... parts) {
        KeyBuilder builder = new KeyBuilder();
        for (String part : parts) {
            builder.add(part);
        }
        return builder.build();
    }

    /** The raw bytes of every part of a key. */
    public static List<byte[]> parts(byte[] key) {
        KeyReader reader = new KeyReader(key);
        List<byte[]> parts = new ArrayList<>();
        while (reader.hasNext()) {
            parts.add(reader.nextBytes());
        }
        return parts;
    }

    /**
     * The smallest key greater than every key that starts with the prefix (an exclusive range end),
     * or null when there is none: the prefix is empty or all 0xFF.
     */
    public static byte[] prefixEnd(byte[] prefix) {
        int i = prefix.length - 1;
        while (i >= 0 && prefix[i] == (byte) 0xFF) {
            i--;
        }
        if (i < 0) {
            return null;
        }
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
    }
}
