package io.kasumi.services.sts;

import io.kasumi.auth.CredentialRegistry;
import io.kasumi.store.Cursor;
import io.kasumi.store.KeyBuilder;
import io.kasumi.store.RecordCodec;
import io.kasumi.store.KeyValue;
import io.kasumi.store.KeyValueStore;
import io.kasumi.store.WriteBatch;

import java.util.Optional;

/**
 * Issued sessions, kept in the store (so they survive restarts with --data-dir) and registered
 * with the credential registry (so requests signed with them authenticate).
 */
final class StsSessions {
    private static final byte[] PREFIX = new KeyBuilder().add("sts").add("session").build();

    private final KeyValueStore store;
    private final CredentialRegistry registry;
    private final RecordCodec records = new RecordCodec("STS");

    StsSessions(KeyValueStore store, CredentialRegistry registry) {
        this.store = store;
        this.registry = registry;
        try (Cursor cursor = store.prefix(PREFIX)) {
            cursor.forEachRemaining(entry -> registry.register(records.decode(entry.value(), StsSession.class).credentials()));
        }
    }

    void add(StsSession session) {
        store.put(key(session.accessKeyId()), records.encode(session));
        registry.register(session.credentials());
    }

    Optional<StsSession> find(String accessKeyId) {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        byte[] value = store.get(key(accessKeyId));
        return value == null ? Optional.empty() : Optional.of(records.decode(value, StsSession.class));
    }

    void clear() {
        WriteBatch.Builder batch = WriteBatch.builder();
        try (Cursor cursor = store.prefix(PREFIX)) {
            cursor.forEachRemaining((KeyValue entry) -> {
                batch.delete(entry.key());
                registry.remove(records.decode(entry.value(), StsSession.class).accessKeyId());
            });
        }
        store.write(batch.build());
    }

    private static byte[] key(String accessKeyId) {
        return KeyBuilder.startingWith(PREFIX).add(accessKeyId).build();
    }


}
