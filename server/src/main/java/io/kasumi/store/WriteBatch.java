package io.kasumi.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mutations a store applies atomically and in order ({@link KeyValueStore#write}).
 *
 * <pre>{@code
 * store.write(WriteBatch.builder().put(itemKey, item).delete(oldIndexKey).build());
 * }</pre>
 */
public record WriteBatch(List<Mutation> mutations) {

    public WriteBatch {
        mutations = List.copyOf(mutations);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return mutations.isEmpty();
    }

    /** One change to one key. */
    public sealed interface Mutation permits Put, Delete {
        byte[] key();
    }

    public record Put(byte[] key, byte[] value) implements Mutation {
        public Put {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    public record Delete(byte[] key) implements Mutation {
        public Delete {
            Objects.requireNonNull(key, "key");
        }
    }

    /** Collects mutations; not thread-safe. */
    public static final class Builder {
        private final List<Mutation> mutations = new ArrayList<>();

        private Builder() {
        }

        public Builder put(byte[] key, byte[] value) {
            mutations.add(new Put(key, value));
            return this;
        }

        public Builder delete(byte[] key) {
            mutations.add(new Delete(key));
            return this;
        }

        public WriteBatch build() {
            return new WriteBatch(mutations);
        }
    }
}
