package io.kasumi.store;

/**
 * The read side shared by a live store and a {@link Snapshot}: point reads and ordered scans.
 *
 * <p>Keys order as unsigned bytes, lexicographically. Returned arrays may be shared with the store
 * (no defensive copies): never modify them.
 */
public interface ReadView {

    /** The value stored under the key, or null when there is none. */
    byte[] get(byte[] key);

    /**
     * The entries with {@code from <= key < to}, in the given order. A null bound is open; the range
     * is empty when {@code from >= to}. The cursor sees one consistent point in time and must be
     * closed (it closes itself when exhausted).
     */
    Cursor range(byte[] from, byte[] to, Order order);

    default Cursor range(byte[] from, byte[] to) {
        return range(from, to, Order.ASCENDING);
    }

    /** The entries whose key starts with the prefix. */
    default Cursor prefix(byte[] prefix, Order order) {
        return range(prefix, Keys.prefixEnd(prefix), order);
    }

    default Cursor prefix(byte[] prefix) {
        return prefix(prefix, Order.ASCENDING);
    }
}
