package io.kasumi.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The behaviour every {@link KeyValueStore} implementation must have. */
abstract class KeyValueStoreContract {

    protected KeyValueStore store;

    /** A fresh, empty store. */
    protected abstract KeyValueStore openStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static byte[] b(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return out;
    }

    static byte[] s(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> keys(Cursor cursor) {
        try (cursor) {
            List<String> keys = new ArrayList<>();
            cursor.forEachRemaining(kv -> keys.add(new String(kv.key(), StandardCharsets.UTF_8)));
            return keys;
        }
    }

    static List<byte[]> rawKeys(Cursor cursor) {
        try (cursor) {
            List<byte[]> keys = new ArrayList<>();
            cursor.forEachRemaining(kv -> keys.add(kv.key()));
            return keys;
        }
    }

    private void putAll(String... keys) {
        for (String key : keys) {
            store.put(s(key), s("v-" + key));
        }
    }

    @Test
    void getsWhatWasPut() {
        store.put(s("a"), s("1"));
        store.put(s("a"), s("2"));
        assertThat(store.get(s("a"))).isEqualTo(s("2"));
        assertThat(store.get(s("missing"))).isNull();
    }

    @Test
    void keepsEmptyValuesApartFromAbsentOnes() {
        store.put(s("empty"), new byte[0]);
        assertThat(store.get(s("empty"))).isEmpty();
        assertThat(keys(store.range(null, null))).containsExactly("empty");
    }

    @Test
    void deleteRemovesTheKey() {
        store.put(s("a"), s("1"));
        store.delete(s("a"));
        store.delete(s("never-there"));
        assertThat(store.get(s("a"))).isNull();
        assertThat(keys(store.range(null, null))).isEmpty();
    }

    @Test
    void ordersKeysAsUnsignedBytes() {
        byte[][] keys = {b(0xFF), b(0x80), b(0x7F), b(0x01), b(0x00), b(), b(0x80, 0x00), b(0x7F, 0xFF)};
        for (byte[] key : keys) {
            store.put(key, b(1));
        }
        assertThat(rawKeys(store.range(null, null)))
                .containsExactly(b(), b(0x00), b(0x01), b(0x7F), b(0x7F, 0xFF), b(0x80), b(0x80, 0x00), b(0xFF));
        assertThat(rawKeys(store.range(null, null, Order.DESCENDING)))
                .containsExactly(b(0xFF), b(0x80, 0x00), b(0x80), b(0x7F, 0xFF), b(0x7F), b(0x01), b(0x00), b());
    }

    @Test
    void rangeIncludesFromAndExcludesTo() {
        putAll("a", "b", "c", "d", "e");
        assertThat(keys(store.range(s("b"), s("d")))).containsExactly("b", "c");
        assertThat(keys(store.range(s("bb"), s("dd")))).containsExactly("c", "d");
        assertThat(keys(store.range(null, s("c")))).containsExactly("a", "b");
        assertThat(keys(store.range(s("c"), null))).containsExactly("c", "d", "e");
    }

    @Test
    void rangeIsEmptyUnlessFromIsBelowTo() {
        putAll("a", "b", "c");
        assertThat(keys(store.range(s("b"), s("b")))).isEmpty();
        assertThat(keys(store.range(s("c"), s("a")))).isEmpty();
        assertThat(keys(store.range(s("c"), s("a"), Order.DESCENDING))).isEmpty();
    }

    @Test
    void descendingRangeWalksTheSameBoundsBackwards() {
        putAll("a", "b", "c", "d", "e");
        assertThat(keys(store.range(s("b"), s("d"), Order.DESCENDING))).containsExactly("c", "b");
        assertThat(keys(store.range(s("bb"), s("dd"), Order.DESCENDING))).containsExactly("d", "c");
        assertThat(keys(store.range(null, s("c"), Order.DESCENDING))).containsExactly("b", "a");
        assertThat(keys(store.range(s("c"), null, Order.DESCENDING))).containsExactly("e", "d", "c");
        assertThat(keys(store.range(s("z"), null, Order.DESCENDING))).isEmpty();
    }

    @Test
    void prefixScansOnlyKeysThatStartWithIt() {
        putAll("ab", "abc", "abd", "ac", "b");
        store.put(b('a', 'b', 0xFF), b(1));
        store.put(b('a', 'b', 0xFF, 0xFF), b(1));
        store.put(b('a', 'c', 0x00), b(1));
        assertThat(rawKeys(store.prefix(s("ab"))))
                .containsExactly(s("ab"), s("abc"), s("abd"), b('a', 'b', 0xFF), b('a', 'b', 0xFF, 0xFF));
        assertThat(rawKeys(store.prefix(b('a', 'b', 0xFF), Order.DESCENDING)))
                .containsExactly(b('a', 'b', 0xFF, 0xFF), b('a', 'b', 0xFF));
        assertThat(keys(store.prefix(new byte[0]))).hasSize(8);
    }

    @Test
    void cursorStreamReadsEntriesInOrder() {
        putAll("x", "y");
        try (var entries = store.prefix(new byte[0]).stream()) {
            assertThat(entries.toList()).containsExactly(
                    new KeyValue(s("x"), s("v-x")), new KeyValue(s("y"), s("v-y")));
        }
    }

    @Test
    void cursorDoesNotSeeWritesMadeAfterItOpened() {
        putAll("a", "c");
        try (Cursor cursor = store.range(null, null)) {
            assertThat(cursor.next().key()).isEqualTo(s("a"));
            store.put(s("b"), s("new"));
            store.delete(s("c"));
            store.put(s("d"), s("new"));
            assertThat(cursor.next().key()).isEqualTo(s("c"));
            assertThat(cursor.hasNext()).isFalse();
        }
        assertThat(keys(store.range(null, null))).containsExactly("a", "b", "d");
    }

    @Test
    void batchAppliesMutationsInOrder() {
        store.put(s("gone"), s("1"));
        store.write(WriteBatch.builder()
                .put(s("k"), s("first"))
                .put(s("k"), s("second"))
                .put(s("put-then-deleted"), s("x"))
                .delete(s("put-then-deleted"))
                .delete(s("gone"))
                .delete(s("deleted-then-put"))
                .put(s("deleted-then-put"), s("y"))
                .build());
        assertThat(store.get(s("k"))).isEqualTo(s("second"));
        assertThat(store.get(s("put-then-deleted"))).isNull();
        assertThat(store.get(s("gone"))).isNull();
        assertThat(store.get(s("deleted-then-put"))).isEqualTo(s("y"));
        store.write(WriteBatch.builder().build());
    }

    @Test
    @Timeout(60)
    void readersNeverSeeHalfABatch() throws Exception {
        int width = 16;
        byte[][] keys = new byte[width][];
        for (int i = 0; i < width; i++) {
            keys[i] = s("key-" + (char) ('a' + i));
            store.put(keys[i], s("0"));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            Future<Integer> writer = pool.submit(() -> {
                int version = 0;
                try {
                    while (version < 300) {
                        version++;
                        WriteBatch.Builder batch = WriteBatch.builder();
                        for (byte[] key : keys) {
                            batch.put(key, s(Integer.toString(version)));
                        }
                        store.write(batch.build());
                    }
                } finally {
                    writing.set(false);
                }
                return version;
            });
            Future<Integer> scanner = pool.submit(() -> {
                int scans = 0;
                // Counted, not timed: a loaded CI machine must not make this flaky.
                while (writing.get() || scans < 5) {
                    Order order = scans % 2 == 0 ? Order.ASCENDING : Order.DESCENDING;
                    try (Cursor cursor = store.prefix(s("key-"), order)) {
                        List<String> values = new ArrayList<>();
                        cursor.forEachRemaining(kv -> values.add(new String(kv.value(), StandardCharsets.UTF_8)));
                        assertThat(values).hasSize(width);
                        assertThat(values).as("one scan").containsOnly(values.getFirst());
                    }
                    scans++;
                }
                return scans;
            });
            Future<Integer> snapshotReader = pool.submit(() -> {
                int reads = 0;
                while (writing.get() || reads < 5) {
                    try (Snapshot snapshot = store.snapshot()) {
                        byte[] first = snapshot.get(keys[0]);
                        for (byte[] key : keys) {
                            assertThat(snapshot.get(key)).as("one snapshot").isEqualTo(first);
                        }
                    }
                    reads++;
                }
                return reads;
            });
            assertThat(writer.get()).isEqualTo(300);
            assertThat(scanner.get()).isGreaterThanOrEqualTo(5);
            assertThat(snapshotReader.get()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    @Timeout(60)
    void snapshotsStayStableWhileConcurrentWritersOverwriteAndDelete() throws Exception {
        int groups = 8;
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writerId = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 400; i++) {
                        int group = (i * 7 + writerId) % groups;
                        WriteBatch.Builder batch = WriteBatch.builder();
                        if (i % 5 == 4) {
                            batch.delete(s(group + "/a")).delete(s(group + "/b"));
                        } else {
                            byte[] value = s(writerId + ":" + i);
                            batch.put(s(group + "/a"), value).put(s(group + "/b"), value);
                        }
                        store.write(batch.build());
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (writing.get() || reads < 5) {
                    try (Snapshot snapshot = store.snapshot()) {
                        List<KeyValue> first;
                        try (Cursor cursor = snapshot.range(null, null)) {
                            first = cursor.stream().toList();
                        }
                        for (int g = 0; g < groups; g++) {
                            assertThat(snapshot.get(s(g + "/a"))).isEqualTo(snapshot.get(s(g + "/b")));
                        }
                        try (Cursor again = snapshot.range(null, null, Order.DESCENDING)) {
                            assertThat(again.stream().toList()).isEqualTo(first.reversed());
                        }
                    }
                    reads++;
                }
                return reads;
            });
            try {
                for (Future<?> writer : writers) {
                    writer.get();
                }
            } finally {
                writing.set(false);
            }
            assertThat(reader.get()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void snapshotSeesTheStoreAsItWas() {
        putAll("a", "b");
        try (Snapshot snapshot = store.snapshot()) {
            store.put(s("a"), s("changed"));
            store.delete(s("b"));
            store.put(s("c"), s("added"));
            store.write(WriteBatch.builder().put(s("a"), s("changed again")).delete(s("a")).build());

            assertThat(snapshot.get(s("a"))).isEqualTo(s("v-a"));
            assertThat(snapshot.get(s("b"))).isEqualTo(s("v-b"));
            assertThat(snapshot.get(s("c"))).isNull();
            assertThat(keys(snapshot.range(null, null))).containsExactly("a", "b");
            assertThat(keys(snapshot.prefix(new byte[0], Order.DESCENDING))).containsExactly("b", "a");
        }
        assertThat(store.get(s("a"))).isNull();
        assertThat(keys(store.range(null, null))).containsExactly("c");
    }

    @Test
    void snapshotsTakenAtDifferentTimesDiffer() {
        store.put(s("k"), s("1"));
        try (Snapshot first = store.snapshot()) {
            store.put(s("k"), s("2"));
            try (Snapshot second = store.snapshot()) {
                store.put(s("k"), s("3"));
                assertThat(first.get(s("k"))).isEqualTo(s("1"));
                assertThat(second.get(s("k"))).isEqualTo(s("2"));
            }
            store.put(s("k"), s("4"));
            assertThat(first.get(s("k"))).isEqualTo(s("1"));
        }
        assertThat(store.get(s("k"))).isEqualTo(s("4"));
    }

    @Test
    void closedSnapshotRefusesReads() {
        Snapshot snapshot = store.snapshot();
        snapshot.close();
        snapshot.close();
        assertThatThrownBy(() -> snapshot.get(s("a"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> snapshot.range(null, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closedStoreRefusesEverythingButClose() {
        store.put(s("a"), s("1"));
        Snapshot snapshot = store.snapshot();
        Cursor cursor = store.range(null, null);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.get(s("a"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.put(s("a"), s("1"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.write(WriteBatch.builder().delete(s("a")).build()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> snapshot.get(s("a"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(cursor::next).isInstanceOf(IllegalStateException.class);
        snapshot.close();
        cursor.close();
    }
}
