package io.kasumi.store;

import java.util.Arrays;
import java.util.HexFormat;

/** One entry of a range scan. Equality compares the bytes, not the array identities. */
public record KeyValue(byte[] key, byte[] value) {

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValue other
                && Arrays.equals(key, other.key)
                && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "KeyValue[" + hex.formatHex(key) + "=" + hex.formatHex(value) + "]";
    }
}
