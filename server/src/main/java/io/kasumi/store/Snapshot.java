package io.kasumi.store;

/**
 * A consistent read view of a store as of the moment it was taken; later writes are invisible to it.
 * Reads after {@link #close()} throw {@link IllegalStateException}. Keep snapshots short-lived:
 * an open one makes the store retain every version written since.
 */
public interface Snapshot extends ReadView, AutoCloseable {

    /** Idempotent; never throws. */
    @Override
    void close();
}
