package io.kasumi.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbStoreTest extends KeyValueStoreContract {

    @TempDir
    Path dir;

    @Override
    protected KeyValueStore openStore() {
        return RocksDbStore.open(dir.resolve("kv"));
    }

    @Test
    void reopenKeepsWhatWasWritten() {
        store.put(s("a"), s("1"));
        store.write(WriteBatch.builder().put(s("b"), s("2")).put(s("c"), s("3")).delete(s("a")).build());
        store.close();

        store = RocksDbStore.open(dir.resolve("kv"));

        assertThat(store.get(s("a"))).isNull();
        assertThat(keys(store.range(null, null))).containsExactly("b", "c");
        assertThat(store.get(s("c"))).isEqualTo(s("3"));
    }

    @Test
    void refusesASecondOpenOfTheSameDirectory() {
        assertThatThrownBy(() -> RocksDbStore.open(dir.resolve("kv")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("another Kasumi");
    }

    @Test
    void fsyncingStoreWritesAndReads() {
        store.close();
        store = RocksDbStore.open(dir.resolve("synced"), true);
        store.put(s("a"), s("1"));
        assertThat(store.get(s("a"))).isEqualTo(s("1"));
    }
}
