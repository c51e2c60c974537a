package io.kasumi.services.sns;

import io.kasumi.shared.Arn;
import io.kasumi.store.Cursor;
import io.kasumi.store.KeyBuilder;
import io.kasumi.store.RecordCodec;
import io.kasumi.store.KeyReader;
import io.kasumi.store.KeyValue;
import io.kasumi.store.KeyValueStore;
import io.kasumi.store.WriteBatch;



/**
 * Where SNS state lives in the key-value store: {@code sns/ACCOUNT/REGION/topic/NAME} and
 * {@code sns/ACCOUNT/REGION/subscription/ARN} (in the topic's account and region),
 * {@code sns/ACCOUNT/REGION/application/PLATFORM/NAME}, {@code sns/ACCOUNT/REGION/endpoint/ARN} and
 * {@code sns/ACCOUNT/REGION/sms/settings}. Values are JSON.
 */
final class SnsStore {
    private static final byte[] ROOT = new KeyBuilder().add("sns").build();
    private static final String TOPIC = "topic";
    private static final String SUBSCRIPTION = "subscription";
    private static final String APPLICATION = "application";
    private static final String ENDPOINT = "endpoint";
    private static final String SMS = "sms";

    /** Receives each stored record as the module starts; each registry takes the kinds it holds. */
    interface Loaded {
        default void topic(TopicRecord topic) {
        }

        default void subscription(SubscriptionRecord subscription) {
        }

        default void application(PlatformApplicationRecord application) {
        }

        default void endpoint(EndpointRecord endpoint) {
        }

        default void sms(SmsSettingsRecord settings) {
        }
    }

    private final KeyValueStore store;
    private final RecordCodec records = new RecordCodec("SNS");

    SnsStore(KeyValueStore store) {
        this.store = store;
    }

    void load(Loaded loaded) {
        try (Cursor cursor = store.prefix(ROOT)) {
            cursor.forEachRemaining((KeyValue entry) -> {
                KeyReader key = new KeyReader(entry.key());
                key.skip();
                key.skip();
                key.skip();
                switch (key.nextString()) {
                    case TOPIC -> loaded.topic(records.decode(entry.value(), TopicRecord.class));
                    case SUBSCRIPTION -> loaded.subscription(records.decode(entry.value(), SubscriptionRecord.class));
                    case APPLICATION -> loaded.application(records.decode(entry.value(), PlatformApplicationRecord.class));
                    case ENDPOINT -> loaded.endpoint(records.decode(entry.value(), EndpointRecord.class));
                    case SMS -> loaded.sms(records.decode(entry.value(), SmsSettingsRecord.class));
                    default -> {
                        // a kind a later version wrote: left alone
                    }
                }
            });
        }
    }

    void putTopic(TopicRecord topic) {
        store.put(topicKey(topic.account(), topic.region(), topic.name()), records.encode(topic));
    }

    void putSubscription(SubscriptionRecord subscription) {
        store.put(subscriptionKey(subscription), records.encode(subscription));
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

    void putApplication(PlatformApplicationRecord application) {
        store.put(applicationKey(application), records.encode(application));
    }

    /** Deletes the application and its endpoints in one batch. */
    void deleteApplication(PlatformApplicationRecord application, Iterable<EndpointRecord> endpoints) {
        WriteBatch.Builder batch = WriteBatch.builder().delete(applicationKey(application));
        endpoints.forEach(e -> batch.delete(endpointKey(e)));
        store.write(batch.build());
    }

    void putEndpoint(EndpointRecord endpoint) {
        store.put(endpointKey(endpoint), records.encode(endpoint));
    }

    void deleteEndpoint(EndpointRecord endpoint) {
        store.delete(endpointKey(endpoint));
    }

    void putSms(SmsSettingsRecord settings) {
        store.put(KeyBuilder.startingWith(ROOT).add(settings.account()).add(settings.region()).add(SMS).add("settings")
                .build(), records.encode(settings));
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

    private static byte[] applicationKey(PlatformApplicationRecord application) {
        return KeyBuilder.startingWith(ROOT).add(application.account()).add(application.region()).add(APPLICATION)
                .add(application.platform()).add(application.name()).build();
    }

    private static byte[] endpointKey(EndpointRecord endpoint) {
        Arn arn = Arn.parse(endpoint.arn()).orElseThrow();
        return KeyBuilder.startingWith(ROOT).add(arn.account()).add(arn.region()).add(ENDPOINT).add(endpoint.arn()).build();
    }

}
