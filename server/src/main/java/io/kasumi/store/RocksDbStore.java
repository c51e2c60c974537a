package io.kasumi.store;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The durable store ({@code --data-dir}): RocksDB with its write-ahead log on.
 *
 * <p>A write returns only after RocksDB has appended it to the WAL with a {@code write(2)}, so every
 * acknowledged write survives the process being killed (the kernel holds it). With
 * {@code fsyncEachWrite} the WAL is also fsynced before returning, which survives power loss too, at
 * the cost of a disk flush per write (concurrent writers share one). Options are sized for a laptop:
 * small memtables, a 32 MB block cache, two background jobs.
 *
 * <p>Native handles must never be used after the database is closed (that crashes the JVM), so every
 * native call holds the read side of a lock whose write side {@link #close()} takes; close releases
 * still-open cursors and snapshots first.
 */
public final class RocksDbStore implements KeyValueStore {

    static {
        RocksDB.loadLibrary();
    }

    private static final long MB = 1 << 20;

    private final RocksDB db;
    private final Options options;
    private final LRUCache blockCache;
    private final BloomFilter bloomFilter;
    private final org.rocksdb.WriteOptions writeOptions;
    private final ReadOptions readOptions;
    private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
    /** Cursors and snapshots to release before the database closes. */
    private final Set<NativeView> openViews = ConcurrentHashMap.newKeySet();
    private boolean closed; // guarded by guard

    private RocksDbStore(RocksDB db, Options options, LRUCache blockCache, BloomFilter bloomFilter,
                         org.rocksdb.WriteOptions writeOptions) {
        this.db = db;
        this.options = options;
        this.blockCache = blockCache;
        this.bloomFilter = bloomFilter;
        this.writeOptions = writeOptions;
        this.readOptions = new ReadOptions();
    }

    /** Opens (creating if needed) a store whose writes survive the process being killed. */
    public static RocksDbStore open(Path dir) {
        return open(dir, false);
    }

    /** As {@link #open(Path)}; with fsyncEachWrite, writes also survive power loss. */
    public static RocksDbStore open(Path dir, boolean fsyncEachWrite) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create store directory " + dir, e);
        }
        LRUCache cache = new LRUCache(32 * MB);
        BloomFilter filter = new BloomFilter(10);
        Options options = new Options()
                .setCreateIfMissing(true)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setFilterPolicy(filter)
                        .setCacheIndexAndFilterBlocks(true))
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(16 * MB)
                .setMaxWriteBufferNumber(2)
                .setMaxTotalWalSize(64 * MB)
                .setMaxBackgroundJobs(2)
                .setMaxOpenFiles(256)
                .setBytesPerSync(MB)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(2)
                .setMaxLogFileSize(MB);
        org.rocksdb.WriteOptions writeOptions = new org.rocksdb.WriteOptions()
                .setDisableWAL(false)
                .setSync(fsyncEachWrite);
        try {
            RocksDB db = RocksDB.open(options, dir.toString());
            return new RocksDbStore(db, options, cache, filter, writeOptions);
        } catch (RocksDBException e) {
            writeOptions.close();
            options.close();
            filter.close();
            cache.close();
            throw new StoreException("cannot open store in " + dir + " (is another Kasumi using it?): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public byte[] get(byte[] key) {
        Objects.requireNonNull(key, "key");
        enter();
        try {
            return db.get(readOptions, key);
        } catch (RocksDBException e) {
            throw failure("get", e);
        } finally {
            exit();
        }
    }

    @Override
    public void put(byte[] key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        enter();
        try {
            db.put(writeOptions, key, value);
        } catch (RocksDBException e) {
            throw failure("put", e);
        } finally {
            exit();
        }
    }

    @Override
    public void delete(byte[] key) {
        Objects.requireNonNull(key, "key");
        enter();
        try {
            db.delete(writeOptions, key);
        } catch (RocksDBException e) {
            throw failure("delete", e);
        } finally {
            exit();
        }
    }

    @Override
    public void write(WriteBatch batch) {
        enter();
        try (org.rocksdb.WriteBatch nativeBatch = new org.rocksdb.WriteBatch()) {
            for (WriteBatch.Mutation mutation : batch.mutations()) {
                switch (mutation) {
                    case WriteBatch.Put put -> nativeBatch.put(put.key(), put.value());
                    case WriteBatch.Delete delete -> nativeBatch.delete(delete.key());
                }
            }
            db.write(writeOptions, nativeBatch);
        } catch (RocksDBException e) {
            throw failure("write", e);
        } finally {
            exit();
        }
    }

    @Override
    public Cursor range(byte[] from, byte[] to, Order order) {
        return openCursor(from, to, order, null);
    }

    @Override
    public Snapshot snapshot() {
        enter();
        try {
            RocksSnapshot snapshot = new RocksSnapshot(db.getSnapshot());
            openViews.add(snapshot);
            return snapshot;
        } finally {
            exit();
        }
    }

    @Override
    public void close() {
        guard.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (NativeView view : new ArrayList<>(openViews)) {
                view.release();
            }
            openViews.clear();
            try {
                db.flushWal(true);
            } catch (RocksDBException e) {
                throw failure("close", e);
            } finally {
                db.close();
                readOptions.close();
                writeOptions.close();
                options.close();
                bloomFilter.close();
                blockCache.close();
            }
        } finally {
            guard.writeLock().unlock();
        }
    }

    private Cursor openCursor(byte[] from, byte[] to, Order order, org.rocksdb.Snapshot snapshot) {
        enter();
        try {
            RocksCursor cursor = new RocksCursor(from, to, order, snapshot);
            try {
                cursor.start(to);
            } catch (RuntimeException e) {
                cursor.release();
                throw e;
            }
            if (cursor.hasNext()) {
                openViews.add(cursor);
            } else {
                cursor.release();
            }
            return cursor;
        } finally {
            exit();
        }
    }

    private void enter() {
        guard.readLock().lock();
        if (closed) {
            guard.readLock().unlock();
            throw new IllegalStateException("store is closed");
        }
    }

    private void exit() {
        guard.readLock().unlock();
    }

    private static StoreException failure(String operation, RocksDBException e) {
        return new StoreException("RocksDB " + operation + " failed: " + e.getMessage(), e);
    }

    /** Frees a view closed by its user; once the store is closed, close() has freed it already. */
    private void closeView(NativeView view) {
        guard.readLock().lock();
        try {
            if (!closed) {
                view.release();
                openViews.remove(view);
            }
        } finally {
            guard.readLock().unlock();
        }
    }

    /** A native resource that must be freed before the database closes. */
    private interface NativeView {
        /** Frees the native handles; idempotent; called with the database still open. */
        void release();
    }

    private final class RocksSnapshot implements Snapshot, NativeView {
        private final org.rocksdb.Snapshot snapshot;
        private final ReadOptions options;
        private boolean released; // guarded by this

        RocksSnapshot(org.rocksdb.Snapshot snapshot) {
            this.snapshot = snapshot;
            this.options = new ReadOptions().setSnapshot(snapshot);
        }

        // Lock order everywhere: the store's read lock, then this monitor (close() holds the write
        // lock while releasing); the monitor keeps release() from freeing a handle in use.
        @Override
        public byte[] get(byte[] key) {
            Objects.requireNonNull(key, "key");
            enter();
            try {
                synchronized (this) {
                    ensureUnreleased();
                    return db.get(options, key);
                }
            } catch (RocksDBException e) {
                throw failure("get", e);
            } finally {
                exit();
            }
        }

        @Override
        public Cursor range(byte[] from, byte[] to, Order order) {
            enter();
            try {
                synchronized (this) {
                    ensureUnreleased();
                    return openCursor(from, to, order, snapshot);
                }
            } finally {
                exit();
            }
        }

        @Override
        public void close() {
            closeView(this);
        }

        @Override
        public synchronized void release() {
            if (!released) {
                released = true;
                options.close();
                db.releaseSnapshot(snapshot);
            }
        }

        private void ensureUnreleased() {
            if (released) {
                throw new IllegalStateException("snapshot is closed");
            }
        }
    }

    /** Walks a native iterator, reading one entry ahead. Single-threaded like any iterator. */
    private final class RocksCursor implements Cursor, NativeView {
        private final ReadOptions options;
        private final Slice lower;
        private final Slice upper;
        private final RocksIterator iterator;
        private final byte[] from;
        private final Order order;
        private KeyValue next;
        private boolean released; // guarded by this

        RocksCursor(byte[] from, byte[] to, Order order, org.rocksdb.Snapshot snapshot) {
            this.from = from;
            this.order = order;
            this.options = new ReadOptions();
            if (snapshot != null) {
                options.setSnapshot(snapshot);
            }
            this.lower = from == null ? null : new Slice(from);
            this.upper = to == null ? null : new Slice(to);
            if (lower != null) {
                options.setIterateLowerBound(lower);
            }
            if (upper != null) {
                options.setIterateUpperBound(upper);
            }
            this.iterator = db.newIterator(options);
        }

        /** Positions on the first entry of the range. */
        void start(byte[] to) {
            boolean empty = from != null && to != null && Arrays.compareUnsigned(from, to) >= 0;
            if (empty) {
                next = null;
            } else if (order == Order.ASCENDING) {
                if (from == null) {
                    iterator.seekToFirst();
                } else {
                    iterator.seek(from);
                }
                next = current();
            } else {
                if (to == null) {
                    iterator.seekToLast();
                } else {
                    iterator.seekForPrev(to);
                    if (iterator.isValid() && Arrays.equals(iterator.key(), to)) {
                        iterator.prev();
                    }
                }
                next = current();
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public KeyValue next() {
            KeyValue result = next;
            if (result == null) {
                throw new NoSuchElementException();
            }
            enter();
            try {
                synchronized (this) {
                    if (released) {
                        throw new IllegalStateException("cursor is closed");
                    }
                    if (order == Order.ASCENDING) {
                        iterator.next();
                    } else {
                        iterator.prev();
                    }
                    next = current();
                }
            } finally {
                exit();
            }
            if (next == null) {
                close();
            }
            return result;
        }

        /** The entry under the iterator, or null at the end of the range. */
        private KeyValue current() {
            if (!iterator.isValid()) {
                try {
                    iterator.status();
                } catch (RocksDBException e) {
                    throw failure("scan", e);
                }
                return null;
            }
            byte[] key = iterator.key();
            if (order == Order.DESCENDING && from != null && Arrays.compareUnsigned(key, from) < 0) {
                return null;
            }
            return new KeyValue(key, iterator.value());
        }

        @Override
        public void close() {
            next = null;
            closeView(this);
        }

        @Override
        public synchronized void release() {
            if (!released) {
                released = true;
                iterator.close();
                options.close();
                if (lower != null) {
                    lower.close();
                }
                if (upper != null) {
                    upper.close();
                }
            }
        }
    }
}
