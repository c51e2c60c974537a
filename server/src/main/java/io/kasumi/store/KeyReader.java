package io.kasumi.store;

import java.nio.charset.StandardCharsets;

/**
 * Reads a key's parts back in order ({@link Keys} encoding); the caller knows each part's type.
 * Throws {@link IllegalArgumentException} on bytes that are not a well-formed key.
 */
public final class KeyReader {

    private final byte[] key;
    private int position;

    public KeyReader(byte[] key) {
        this.key = key;
    }

    public boolean hasNext() {
        return position < key.length;
    }

    public byte[] nextBytes() {
        int end = partEnd();
        int escapes = 0;
        for (int i = position; i < end; i++) {
            if (key[i] == Keys.ESCAPE) {
                escapes++;
                i++;
            }
        }
        byte[] part = new byte[end - position - escapes];
        int out = 0;
        for (int i = position; i < end; i++) {
            part[out++] = key[i];
            if (key[i] == Keys.ESCAPE) {
                i++;
            }
        }
        position = end + 2;
        return part;
    }

    public String nextString() {
        return new String(nextBytes(), StandardCharsets.UTF_8);
    }

    public long nextLong() {
        byte[] part = nextBytes();
        if (part.length != 8) {
            throw new IllegalArgumentException("key part is " + part.length + " bytes, not a long");
        }
        long value = 0;
        for (byte b : part) {
            value = value << 8 | (b & 0xFF);
        }
        return value ^ Long.MIN_VALUE;
    }

    public void skip() {
        position = partEnd() + 2;
    }

    /** Where the current part's terminator starts. */
    private int partEnd() {
        if (!hasNext()) {
            throw new IllegalArgumentException("no more key parts");
        }
        for (int i = position; i < key.length; i++) {
            if (key[i] == Keys.ESCAPE) {
                if (i + 1 == key.length) {
                    break;
                }
                byte next = key[i + 1];
                if (next == Keys.TERMINATOR) {
                    return i;
                }
                if (next != Keys.ESCAPED_ZERO) {
                    throw new IllegalArgumentException("malformed key: 0x00 followed by " + (next & 0xFF));
                }
                i++;
            }
        }
        throw new IllegalArgumentException("malformed key: unterminated part");
    }
}
