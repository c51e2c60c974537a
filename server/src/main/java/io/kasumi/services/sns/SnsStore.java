package io.kasumi.services.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kasumi.shared.Arn;
import io.kasumi.store.Cursor;
import io.kasumi.store.KeyBuilder;
import io.kasumi.store.KeyReader;
import io.kasumi.store.KeyValue;
import io.kasumi.store.KeyValueStore;
import io.kasumi.store.WriteBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Where SNS state lives in the key-value store: {@code sns/ACCOUNT/REGION/topic/NAME} and
 * {@code sns/ACCOUNT/REGION/subscription/ARN} (in the topic's account and region). Values are JSON.
 */
final class SnsStore {
    private static final byte[] ROOT = new KeyBuilder().add("sns").build();
    private static final String TOPIC = "topic";
    private static final String SUBSCRIPTION = "subscription";

    private final KeyValueStore store;
    private final ObjectMapper json = JsonMapper.builder().build();

    SnsStore(KeyValueStore store) {
        this.store = store;
    }

    void load(Consumer<TopicRecord> topics, Consumer<SubscriptionRecord> subscriptions) {
        try (Cursor cursor = store.prefix(ROOT)) {
            cursor.forEachRemaining((KeyValue entry) -> {
                KeyReader key = new KeyReader(entry.key());
                key.skip();
                key.skip();
                key.skip();
                switch (key.nextString()) {
                    case TOPIC -> topics.accept(decode(entry.value(), TopicRecord.class));
                    case SUBSCRIPTION -> subscriptions.accept(decode(entry.value(), SubscriptionRecord.class));
                    default -> {
                        // a kind a later version wrote: left alone
                    }
                }
            });
        }
    }

    void putTopic(TopicRecord topic) {
        store.put(topicKey(topic.account(), topic.region(), topic.name()), encode(topic));
    }

    void putSubscription(SubscriptionRecord subscription) {
        store.put(subscriptionKey(subscription), encode(subscription));
    }

    void deleteSubscription(SubscriptionRecord subscription) {
        store.delete(subscriptionKey(subscription));
    }

    /** Deletes the topic and its subscriptions in one batch. */
    void deleteTopic(TopicRecord topic, Iterable<SubscriptionRecord> subscriptions) {
        WriteBatch.Builder batch = WriteBatch.builder().delete(topicKey(topic.account(), topic.region(), topic.name()));
        subscriptions.forEach(s -> batch.delete(subscriptionKey(s)));
        store.write(batch.build());
    }

    void clear() {
        WriteBatch.Builder batch = WriteBatch.builder();
        try (Cursor cursor = store.prefix(ROOT)) {
            cursor.forEachRemaining(entry -> batch.delete(entry.key()));
        }
        WriteBatch built = batch.build();
        if (!built.isEmpty()) {
            store.write(built);
        }
    }

    private static byte[] topicKey(String account, String region, String name) {
        return KeyBuilder.startingWith(ROOT).add(account).add(region).add(TOPIC).add(name).build();
    }

    private static byte[] subscriptionKey(SubscriptionRecord subscription) {
        Arn topic = Arn.parse(subscription.topicArn()).orElseThrow();
        return KeyBuilder.startingWith(ROOT).add(topic.account()).add(topic.region()).add(SUBSCRIPTION)
                .add(subscription.arn()).build();
    }

    private byte[] encode(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T decode(byte[] value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt SNS record", e);
        }
    }
}
