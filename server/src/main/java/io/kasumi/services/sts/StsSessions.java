package io.kasumi.services.sts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kasumi.auth.CredentialRegistry;
import io.kasumi.store.Cursor;
import io.kasumi.store.KeyBuilder;
import io.kasumi.store.KeyValue;
import io.kasumi.store.KeyValueStore;
import io.kasumi.store.WriteBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Issued sessions, kept in the store (so they survive restarts with --data-dir) and registered
 * with the credential registry (so requests signed with them authenticate).
 */
final class StsSessions {
    private static final byte[] PREFIX = new KeyBuilder().add("sts").add("session").build();

    private final KeyValueStore store;
    private final CredentialRegistry registry;
    private final ObjectMapper json = JsonMapper.builder().build();

    StsSessions(KeyValueStore store, CredentialRegistry registry) {
        this.store = store;
        this.registry = registry;
        try (Cursor cursor = store.prefix(PREFIX)) {
            cursor.forEachRemaining(entry -> registry.register(decode(entry.value()).credentials()));
        }
    }

    void add(StsSession session) {
        store.put(key(session.accessKeyId()), encode(session));
        registry.register(session.credentials());
    }

    Optional<StsSession> find(String accessKeyId) {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        byte[] value = store.get(key(accessKeyId));
        return value == null ? Optional.empty() : Optional.of(decode(value));
    }

    void clear() {
        WriteBatch.Builder batch = WriteBatch.builder();
        try (Cursor cursor = store.prefix(PREFIX)) {
            cursor.forEachRemaining((KeyValue entry) -> {
                batch.delete(entry.key());
                registry.remove(decode(entry.value()).accessKeyId());
            });
        }
        store.write(batch.build());
    }

    private static byte[] key(String accessKeyId) {
        return KeyBuilder.startingWith(PREFIX).add(accessKeyId).build();
    }

    private byte[] encode(StsSession session) {
        try {
            return json.writeValueAsBytes(session);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StsSession decode(byte[] value) {
        try {
            return json.readValue(value, StsSession.class);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt STS session record", e);
        }
    }
}
