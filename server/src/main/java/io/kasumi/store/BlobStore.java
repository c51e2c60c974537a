package io.kasumi.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * Large values (object bodies, layer zips) kept as files and streamed, never held on the heap.
 * A blob is immutable once {@link #put} returns; services keep its id in the key-value store.
 * Missing blobs raise {@link java.nio.file.NoSuchFileException}. Thread-safe.
 */
public interface BlobStore extends AutoCloseable {

    /**
     * Streams the body into a new blob and returns its id once the blob is complete (and, when
     * durable, on disk). A failed read of the body leaves nothing behind.
     */
    BlobId put(InputStream body) throws IOException;

    InputStream open(BlobId id) throws IOException;

    /** The bytes {@code [offset, offset + length)}, cut short at the end of the blob. */
    InputStream open(BlobId id, long offset, long length) throws IOException;

    long size(BlobId id) throws IOException;

    /** Removes the blob; false when there was none. Readers that already opened it may finish. */
    boolean delete(BlobId id) throws IOException;

    /** Releases the store; an ephemeral one deletes its files. Idempotent. */
    @Override
    void close();
}
