package io.kasumi.services.sqs;

import io.kasumi.store.Cursor;
import io.kasumi.store.KeyBuilder;
import io.kasumi.store.RecordCodec;
import io.kasumi.store.KeyReader;
import io.kasumi.store.KeyValue;
import io.kasumi.store.KeyValueStore;
import io.kasumi.store.WriteBatch;


/**
 * Where SQS state lives in the key-value store: {@code sqs/ACCOUNT/REGION/queue/NAME} for queues,
 * {@code .../message/NAME/SEQUENCE} for messages and {@code .../dedup/NAME/KEY} for FIFO
 * deduplication ids. Values are JSON.
 */
final class SqsStore {
    private static final byte[] ROOT = new KeyBuilder().add("sqs").build();
    private static final String QUEUE = "queue";
    private static final String MESSAGE = "message";
    private static final String DEDUP = "dedup";

    private final KeyValueStore store;
    private final RecordCodec records = new RecordCodec("SQS");

    SqsStore(KeyValueStore store) {
        this.store = store;
    }

    /** What a scan of the whole namespace hands to the loader, kind by kind. */
    interface Loader {
        void queue(QueueRecord queue);

        void message(QueueId queue, MessageRecord message);

        void dedup(QueueId queue, DedupEntry entry);
    }

    void load(Loader loader) {
        try (Cursor cursor = store.prefix(ROOT)) {
            cursor.forEachRemaining(entry -> route(entry, loader));
        }
    }

    private void route(KeyValue entry, Loader loader) {
        KeyReader key = new KeyReader(entry.key());
        key.skip();
        String account = key.nextString();
        String region = key.nextString();
        String kind = key.nextString();
        String name = key.nextString();
        QueueId queue = new QueueId(account, region, name);
        switch (kind) {
            case QUEUE -> loader.queue(records.decode(entry.value(), QueueRecord.class));
            case MESSAGE -> loader.message(queue, records.decode(entry.value(), MessageRecord.class));
            case DEDUP -> loader.dedup(queue, records.decode(entry.value(), DedupEntry.class));
            default -> {
                // a kind a later version wrote: left alone
            }
        }
    }

    void putQueue(QueueRecord queue) {
        store.put(queueKey(queue.id()), records.encode(queue));
    }

    void putMessage(WriteBatch.Builder batch, QueueId queue, MessageRecord message) {
        batch.put(messageKey(queue, message.sequence()), records.encode(message));
    }

    void deleteMessage(WriteBatch.Builder batch, QueueId queue, long sequence) {
        batch.delete(messageKey(queue, sequence));
    }

    void putDedup(WriteBatch.Builder batch, QueueId queue, DedupEntry entry) {
        batch.put(dedupKey(queue, entry.key()), records.encode(entry));
    }

    void deleteDedup(WriteBatch.Builder batch, QueueId queue, String key) {
        batch.delete(dedupKey(queue, key));
    }

    /** Removes the queue record and everything kept for it. */
    void deleteQueue(QueueId queue) {
        WriteBatch.Builder batch = WriteBatch.builder().delete(queueKey(queue));
        deleteAll(batch, KeyBuilder.startingWith(scope(queue)).add(MESSAGE).add(queue.name()).build());
        deleteAll(batch, KeyBuilder.startingWith(scope(queue)).add(DEDUP).add(queue.name()).build());
        store.write(batch.build());
    }

    /** Removes the queue's messages, keeping the queue. */
    void deleteMessages(QueueId queue) {
        WriteBatch.Builder batch = WriteBatch.builder();
        deleteAll(batch, KeyBuilder.startingWith(scope(queue)).add(MESSAGE).add(queue.name()).build());
        store.write(batch.build());
    }

    void clear() {
        WriteBatch.Builder batch = WriteBatch.builder();
        deleteAll(batch, ROOT);
        store.write(batch.build());
    }

    void write(WriteBatch.Builder batch) {
        WriteBatch built = batch.build();
        if (!built.isEmpty()) {
            store.write(built);
        }
    }

    private void deleteAll(WriteBatch.Builder batch, byte[] prefix) {
        try (Cursor cursor = store.prefix(prefix)) {
            cursor.forEachRemaining(entry -> batch.delete(entry.key()));
        }
    }

    private static byte[] scope(QueueId queue) {
        return KeyBuilder.startingWith(ROOT).add(queue.account()).add(queue.region()).build();
    }

    private static byte[] queueKey(QueueId queue) {
        return KeyBuilder.startingWith(scope(queue)).add(QUEUE).add(queue.name()).build();
    }

    private static byte[] messageKey(QueueId queue, long sequence) {
        return KeyBuilder.startingWith(scope(queue)).add(MESSAGE).add(queue.name()).add(sequence).build();
    }

    private static byte[] dedupKey(QueueId queue, String key) {
        return KeyBuilder.startingWith(scope(queue)).add(DEDUP).add(queue.name()).add(key).build();
    }



}
