/**
 * The store SPI: where every service keeps its state (ARCHITECTURE.md, rule 4).
 *
 * <h2>Key-value state</h2>
 * {@link io.kasumi.store.KeyValueStore} is one ordered map of byte keys to byte values, keys ordered
 * as unsigned bytes: {@code get}, {@code put}, {@code delete}, {@code range} (inclusive from,
 * exclusive to, ascending or descending, through a {@link io.kasumi.store.Cursor}), {@code prefix},
 * an atomic {@link io.kasumi.store.WriteBatch}, and a point-in-time {@link io.kasumi.store.Snapshot}.
 * A cursor reads one consistent point in time, so no reader ever sees half a batch. Use a snapshot
 * when several reads must agree (a DynamoDB transaction's condition checks, a consistent listing).
 *
 * <h2>Keys</h2>
 * State is namespaced: compose keys with {@link io.kasumi.store.KeyBuilder} as tuples that start with
 * service, account and region ({@code "global"} by convention for IAM, CloudFront, Route 53,
 * Organizations), then the service's own parts:
 * <pre>{@code
 * byte[] queue = new KeyBuilder().add("sqs").add(account).add(region).add("queue").add(name).build();
 * try (Cursor queues = store.prefix(Keys.of("sqs", account, region, "queue"))) { ... }
 * }</pre>
 * The {@link io.kasumi.store.Keys} encoding keeps tuple order (part by part, shorter first) and is
 * unambiguous; {@link io.kasumi.store.KeyReader} reads parts back.
 *
 * <h2>Blobs</h2>
 * Object bodies and other large values go to the {@link io.kasumi.store.BlobStore} as streams (a
 * 5 GB upload never lives on the heap); the key-value record holds the {@link io.kasumi.store.BlobId}.
 * Write the blob first and the record second, and delete the record before the blob: a crash then
 * leaves at worst an unreferenced blob, never a record without its body.
 *
 * <h2>Implementations and durability</h2>
 * {@link io.kasumi.store.Stores#open(java.nio.file.Path)} picks them: without a data directory an
 * {@link io.kasumi.store.InMemoryStore} (multi-version, lock-free reads) and blobs in a temporary
 * directory, gone on close; with {@code --data-dir DIR} a {@link io.kasumi.store.RocksDbStore} in
 * {@code DIR/kv} and a {@link io.kasumi.store.FileBlobStore} in {@code DIR/blobs}. There a write is
 * acknowledged only once it is in RocksDB's write-ahead log, so it survives the process being killed;
 * blobs are fsynced before their id is returned.
 */
package io.kasumi.store;
