package io.kasumi.store;

/**
 * An ordered key-value store: the one place service state lives (see package documentation).
 *
 * <p>Keys and values are non-null byte arrays (an empty value is a value, distinct from absence).
 * The store may keep the arrays it is given: callers must not modify them afterwards. All methods
 * are thread-safe; every method throws {@link IllegalStateException} once the store is closed and
 * {@link StoreException} when the underlying storage fails.
 */
public interface KeyValueStore extends ReadView, AutoCloseable {

    void put(byte[] key, byte[] value);

    /** Removes the key; removing an absent key is not an error. */
    void delete(byte[] key);

    /**
     * Applies the batch atomically: readers see all of it or none of it, and after a crash either all
     * of it survives or none. Mutations apply in order, so a later one on the same key wins.
     */
    void write(WriteBatch batch);

    /** A consistent read view as of now, until closed. */
    Snapshot snapshot();

    /** Releases the store; open cursors and snapshots become unusable. Idempotent. */
    @Override
    void close();
}
