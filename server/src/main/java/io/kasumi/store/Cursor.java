package io.kasumi.store;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The entries of a range scan, lazily, in key order. Close it (try-with-resources) unless it was
 * read to the end: an open cursor pins a point-in-time view of the store.
 */
public interface Cursor extends Iterator<KeyValue>, AutoCloseable {

    /** Idempotent; never throws. */
    @Override
    void close();

    /** The remaining entries as a stream whose {@code close()} closes this cursor. */
    default Stream<KeyValue> stream() {
        Spliterator<KeyValue> split = Spliterators.spliteratorUnknownSize(
                this, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::close);
    }
}
