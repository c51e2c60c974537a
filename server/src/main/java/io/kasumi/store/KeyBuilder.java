package io.kasumi.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Composes a key part by part in the {@link Keys} encoding. Reusable after {@link #reset()}; not
 * thread-safe.
 *
 * <pre>{@code
 * byte[] key = new KeyBuilder().add("dynamodb").add(account).add(region).add(table).add(hashKey).build();
 * }</pre>
 */
public final class KeyBuilder {

    private byte[] buf;
    private int length;

    public KeyBuilder() {
        this(64);
    }

    public KeyBuilder(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    /** Starts from an already encoded tuple, e.g. a namespace prefix. */
    public static KeyBuilder startingWith(byte[] encodedTuple) {
        KeyBuilder builder = new KeyBuilder(encodedTuple.length + 48);
        System.arraycopy(encodedTuple, 0, builder.buf, 0, encodedTuple.length);
        builder.length = encodedTuple.length;
        return builder;
    }

    /** A string part, UTF-8 encoded. */
    public KeyBuilder add(String part) {
        appendEscaped(part);
        return terminate();
    }

    public KeyBuilder add(byte[] part) {
        appendEscaped(part);
        return terminate();
    }

    /** A signed long part, ordered numerically (negative before positive). */
    public KeyBuilder add(long part) {
        long flipped = part ^ Long.MIN_VALUE;
        for (int shift = 56; shift >= 0; shift -= 8) {
            appendEscaped((byte) (flipped >>> shift));
        }
        return terminate();
    }

    /**
     * The leading characters of a final string part, unterminated: the result is a prefix of every
     * key whose next part starts with them (S3 {@code prefix=}, DynamoDB {@code begins_with}).
     * Nothing may be added after it.
     */
    public KeyBuilder addPartial(String partStart) {
        appendEscaped(partStart);
        return this;
    }

    /** Byte form of {@link #addPartial(String)}. */
    public KeyBuilder addPartial(byte[] partStart) {
        appendEscaped(partStart);
        return this;
    }

    public byte[] build() {
        return Arrays.copyOf(buf, length);
    }

    public KeyBuilder reset() {
        length = 0;
        return this;
    }

    private void appendEscaped(String part) {
        int n = part.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = part.charAt(i);
            if (c >= 0x80) {
                // Not ASCII: encode the rest the slow way; the ASCII head is already in place.
                appendEscaped(part.substring(i).getBytes(StandardCharsets.UTF_8));
                return;
            }
            appendEscaped((byte) c);
        }
    }

    private void appendEscaped(byte[] part) {
        ensure(part.length);
        for (byte b : part) {
            appendEscaped(b);
        }
    }

    private void appendEscaped(byte b) {
        if (b == Keys.ESCAPE) {
            append(Keys.ESCAPE);
            append(Keys.ESCAPED_ZERO);
        } else {
            append(b);
        }
    }

    private KeyBuilder terminate() {
        append(Keys.ESCAPE);
        append(Keys.TERMINATOR);
        return this;
    }

    private void append(byte b) {
        if (length == buf.length) {
            ensure(1);
        }
        buf[length++] = b;
    }

    private void ensure(int extra) {
        if (length + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + extra));
        }
    }
}
