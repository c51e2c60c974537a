package io.kasumi.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryStoreTest extends KeyValueStoreContract {

    @Override
    protected KeyValueStore openStore() {
        return new InMemoryStore();
    }

    private InMemoryStore memory() {
        return (InMemoryStore) store;
    }

    @Test
    void keepsOneVersionPerKeyWhenNothingIsPinned() {
        for (int i = 0; i < 100; i++) {
            store.put(s("k"), s("v" + i));
            store.put(s("deleted"), s("v" + i));
            store.delete(s("deleted"));
        }
        assertThat(memory().retainedVersions()).isEqualTo(1);
    }

    @Test
    void forgetsOldVersionsOnceTheLastSnapshotCloses() {
        store.put(s("k"), s("0"));
        store.put(s("dead"), s("0"));
        Snapshot snapshot = store.snapshot();
        for (int i = 1; i <= 50; i++) {
            store.put(s("k"), s(Integer.toString(i)));
        }
        store.delete(s("dead"));
        assertThat(memory().retainedVersions()).isGreaterThan(50);
        assertThat(snapshot.get(s("dead"))).isEqualTo(s("0"));

        snapshot.close();

        assertThat(memory().retainedVersions()).isEqualTo(1);
        assertThat(store.get(s("k"))).isEqualTo(s("50"));
    }

    @Test
    void exhaustedCursorReleasesItsPin() {
        store.put(s("k"), s("0"));
        Cursor cursor = store.range(null, null);
        store.put(s("k"), s("1"));
        assertThat(memory().retainedVersions()).isEqualTo(2);
        cursor.forEachRemaining(kv -> { });
        store.put(s("k"), s("2"));
        assertThat(memory().retainedVersions()).isEqualTo(1);
    }
}
