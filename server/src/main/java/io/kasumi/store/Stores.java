package io.kasumi.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The key-value store and blob store of one Kasumi instance, opened together.
 *
 * <p>No data directory: an {@link InMemoryStore} and blobs in a temporary directory, all gone on
 * close. A data directory: {@link RocksDbStore} in {@code DIR/kv} and {@link FileBlobStore} in
 * {@code DIR/blobs}, every acknowledged write durable.
 */
public record Stores(KeyValueStore kv, BlobStore blobs) implements AutoCloseable {

    /** Opens ephemeral stores when dataDir is null, durable ones under it otherwise. */
    public static Stores open(Path dataDir) {
        return dataDir == null ? ephemeral() : durable(dataDir);
    }

    public static Stores ephemeral() {
        try {
            return new Stores(new InMemoryStore(), FileBlobStore.temporary());
        } catch (IOException e) {
            throw new StoreException("cannot create a temporary blob directory", e);
        }
    }

    public static Stores durable(Path dataDir) {
        RocksDbStore kv = RocksDbStore.open(dataDir.resolve("kv"));
        try {
            return new Stores(kv, FileBlobStore.open(dataDir.resolve("blobs")));
        } catch (IOException e) {
            kv.close();
            throw new StoreException("cannot open blob directory in " + dataDir, e);
        } catch (RuntimeException e) {
            kv.close();
            throw e;
        }
    }

    /** Closes both, the blob store first; a failure of one does not keep the other open. */
    @Override
    public void close() {
        try {
            blobs.close();
        } finally {
            kv.close();
        }
    }
}
