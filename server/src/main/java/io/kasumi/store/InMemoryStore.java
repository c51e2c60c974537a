package io.kasumi.store;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default, ephemeral store: a skip list of keys to version chains (multi-version concurrency
 * control, as RocksDB does it).
 *
 * <p>Every write gets the next sequence number; writers are serialized by one lock, add their
 * versions, then publish the sequence number, so a reader that reads at the published number sees
 * whole batches or nothing. Snapshots and cursors read at a pinned number without locks. Version
 * chains are immutable; a writer prunes the versions no pinned reader can need (everything older than
 * the newest version at or below the lowest pin), so memory stays proportional to live data while no
 * long-lived snapshot is open. Point reads take no pin: they capture a key's chain first and the
 * published number second, which always finds the value of some moment during the call.
 */
public final class InMemoryStore implements KeyValueStore {

    /** One value of a key; a null value is a deletion. Newest first. */
    private record Version(long seq, byte[] value, Version older) {
    }

    /** A key whose chain may be prunable once no reader is pinned below seq. */
    private record Pending(byte[] key, long seq) {
    }

    private final ConcurrentSkipListMap<byte[], Version> map = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Pinned sequence numbers and how many readers hold each; guarded by writeLock. */
    private final TreeMap<Long, Integer> pins = new TreeMap<>();
    /** In sequence order; guarded by writeLock. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private volatile long published;
    private volatile boolean closed;

    @Override
    public byte[] get(byte[] key) {
        Objects.requireNonNull(key, "key");
        ensureOpen();
        Version chain = map.get(key);
        return valueAt(chain, published);
    }

    @Override
    public Cursor range(byte[] from, byte[] to, Order order) {
        PinnedView view = pin();
        return view.cursor(from, to, order, true);
    }

    @Override
    public Snapshot snapshot() {
        return pin();
    }

    @Override
    public void put(byte[] key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        writeLock.lock();
        try {
            ensureOpen();
            long seq = published + 1;
            apply(key, value, seq, floor());
            publish(seq);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void delete(byte[] key) {
        Objects.requireNonNull(key, "key");
        writeLock.lock();
        try {
            ensureOpen();
            long seq = published + 1;
            apply(key, null, seq, floor());
            publish(seq);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void write(WriteBatch batch) {
        if (batch.isEmpty()) {
            ensureOpen();
            return;
        }
        writeLock.lock();
        try {
            ensureOpen();
            long seq = published + 1;
            long floor = floor();
            for (WriteBatch.Mutation mutation : batch.mutations()) {
                switch (mutation) {
                    case WriteBatch.Put put -> apply(put.key(), put.value(), seq, floor);
                    case WriteBatch.Delete delete -> apply(delete.key(), null, seq, floor);
                }
            }
            publish(seq);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closed = true;
            map.clear();
            pending.clear();
            pins.clear();
        } finally {
            writeLock.unlock();
        }
    }

    /** Keys plus versions held, for tests of pruning. */
    long retainedVersions() {
        long count = 0;
        for (Version chain : map.values()) {
            for (Version v = chain; v != null; v = v.older) {
                count++;
            }
        }
        return count;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
    }

    // ---- writing (all under writeLock) ----

    private void apply(byte[] key, byte[] value, long seq, long floor) {
        Version head = map.get(key);
        // A second mutation of a key in one batch replaces the first: it was never published.
        Version older = head != null && head.seq == seq ? head.older : prune(head, floor);
        if (older == null && value == null) {
            if (head != null) {
                map.remove(key);
            }
            return;
        }
        map.put(key, new Version(seq, value, older));
        if (older != null || value == null) {
            pending.addLast(new Pending(key, seq));
        }
    }

    private void publish(long seq) {
        published = seq;
        drainPending();
    }

    /** Prunes chains whose extra versions no pinned reader can reach any more. */
    private void drainPending() {
        long floor = floor();
        Pending next;
        while ((next = pending.peekFirst()) != null && next.seq <= floor) {
            pending.pollFirst();
            Version head = map.get(next.key);
            Version kept = prune(head, floor);
            if (kept == null) {
                if (head != null) {
                    map.remove(next.key);
                }
            } else if (kept != head) {
                map.put(next.key, kept);
            }
        }
    }

    /** The lowest sequence number any reader may read at. */
    private long floor() {
        return pins.isEmpty() ? published : pins.firstKey();
    }

    /**
     * The chain without what no reader at or above floor can see: it keeps the versions newer than
     * floor and the newest one at or below it, unless that one is a deletion.
     */
    private static Version prune(Version head, long floor) {
        int newer = 0;
        Version base = head;
        while (base != null && base.seq > floor) {
            newer++;
            base = base.older;
        }
        if (base == null || (base.older == null && base.value != null)) {
            return head;
        }
        Version kept = base.value == null ? null : new Version(base.seq, base.value, null);
        Version[] prefix = new Version[newer];
        Version v = head;
        for (int i = 0; i < newer; i++, v = v.older) {
            prefix[i] = v;
        }
        for (int i = newer - 1; i >= 0; i--) {
            kept = new Version(prefix[i].seq, prefix[i].value, kept);
        }
        return kept;
    }

    private static byte[] valueAt(Version chain, long seq) {
        Version v = chain;
        while (v != null && v.seq > seq) {
            v = v.older;
        }
        return v == null ? null : v.value;
    }

    // ---- reading at a pinned sequence number ----

    private PinnedView pin() {
        writeLock.lock();
        try {
            ensureOpen();
            long seq = published;
            pins.merge(seq, 1, Integer::sum);
            return new PinnedView(seq);
        } finally {
            writeLock.unlock();
        }
    }

    private void unpin(long seq) {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            pins.computeIfPresent(seq, (s, n) -> n == 1 ? null : n - 1);
            drainPending();
        } finally {
            writeLock.unlock();
        }
    }

    /** A pinned sequence number: a snapshot, or the private view of one plain range scan. */
    private final class PinnedView implements Snapshot {
        private final long seq;
        private final AtomicBoolean released = new AtomicBoolean();

        PinnedView(long seq) {
            this.seq = seq;
        }

        @Override
        public byte[] get(byte[] key) {
            Objects.requireNonNull(key, "key");
            ensureUsable();
            return valueAt(map.get(key), seq);
        }

        @Override
        public Cursor range(byte[] from, byte[] to, Order order) {
            ensureUsable();
            return cursor(from, to, order, false);
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                unpin(seq);
            }
        }

        void ensureUsable() {
            ensureOpen();
            if (released.get()) {
                throw new IllegalStateException("snapshot is closed");
            }
        }

        Cursor cursor(byte[] from, byte[] to, Order order, boolean ownsView) {
            NavigableMap<byte[], Version> keys = slice(from, to);
            if (order == Order.DESCENDING) {
                keys = keys.descendingMap();
            }
            return new MemoryCursor(this, keys.entrySet().iterator(), ownsView);
        }

        private NavigableMap<byte[], Version> slice(byte[] from, byte[] to) {
            if (from != null && to != null) {
                return Arrays.compareUnsigned(from, to) >= 0
                        ? new TreeMap<>()
                        : map.subMap(from, true, to, false);
            }
            if (from != null) {
                return map.tailMap(from, true);
            }
            return to != null ? map.headMap(to, false) : map;
        }
    }

    private static final class MemoryCursor implements Cursor {
        private final PinnedView view;
        private final Iterator<Map.Entry<byte[], Version>> entries;
        private final boolean ownsView;
        private KeyValue next;
        private boolean done;

        MemoryCursor(PinnedView view, Iterator<Map.Entry<byte[], Version>> entries, boolean ownsView) {
            this.view = view;
            this.entries = entries;
            this.ownsView = ownsView;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (done) {
                return false;
            }
            view.ensureUsable();
            while (entries.hasNext()) {
                Map.Entry<byte[], Version> entry = entries.next();
                byte[] value = valueAt(entry.getValue(), view.seq);
                if (value != null) {
                    next = new KeyValue(entry.getKey(), value);
                    return true;
                }
            }
            close();
            return false;
        }

        @Override
        public KeyValue next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue result = next;
            next = null;
            return result;
        }

        @Override
        public void close() {
            done = true;
            next = null;
            if (ownsView) {
                view.close();
            }
        }
    }
}
