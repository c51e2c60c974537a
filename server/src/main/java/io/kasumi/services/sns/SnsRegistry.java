package io.kasumi.services.sns;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Every topic and subscription, held in memory over the store (loaded as the module starts).
 * Every change is written to the store before memory is updated; changes are serialized here.
 */
final class SnsRegistry {
    private final SnsStore store;
    private final Map<String, TopicRecord> topics = new ConcurrentHashMap<>();
    private final Map<String, SubscriptionRecord> subscriptions = new ConcurrentHashMap<>();

    SnsRegistry(SnsStore store) {
        this.store = store;
        store.load(new SnsStore.Loaded() {
            @Override
            public void topic(TopicRecord topic) {
                topics.put(topic.arn(), topic);
            }

            @Override
            public void subscription(SubscriptionRecord subscription) {
                subscriptions.put(subscription.arn(), subscription);
            }
        });
    }

    Optional<TopicRecord> topic(String arn) {
        return Optional.ofNullable(arn == null ? null : topics.get(arn));
    }

    Optional<SubscriptionRecord> subscription(String arn) {
        return Optional.ofNullable(arn == null ? null : subscriptions.get(arn));
    }

    /** The account's topics in one region, by ARN. */
    List<TopicRecord> topics(String account, String region) {
        return topics.values().stream()
                .filter(t -> t.account().equals(account) && t.region().equals(region))
                .sorted(Comparator.comparing(TopicRecord::arn))
                .toList();
    }

    /** A topic's subscriptions, oldest first. */
    List<SubscriptionRecord> subscriptionsOf(String topicArn) {
        return subscriptions.values().stream()
                .filter(s -> s.topicArn().equals(topicArn))
                .sorted(Comparator.comparingLong(SubscriptionRecord::createdMillis).thenComparing(SubscriptionRecord::arn))
                .toList();
    }

    /** The subscriptions an account owns in one region, oldest first. */
    List<SubscriptionRecord> subscriptions(String account, String region) {
        String prefix = "arn:aws:sns:" + region + ":";
        return subscriptions.values().stream()
                .filter(s -> s.account().equals(account) && s.topicArn().startsWith(prefix))
                .sorted(Comparator.comparingLong(SubscriptionRecord::createdMillis).thenComparing(SubscriptionRecord::arn))
                .toList();
    }

    /**
     * Creates the topic, or hands the existing one to {@code existing}, which answers it or throws
     * (CreateTopic is idempotent for identical settings).
     */
    synchronized TopicRecord create(TopicRecord topic, UnaryOperator<TopicRecord> existing) {
        TopicRecord found = topics.get(topic.arn());
        if (found != null) {
            return existing.apply(found);
        }
        store.putTopic(topic);
        topics.put(topic.arn(), topic);
        return topic;
    }

    synchronized void update(TopicRecord topic) {
        if (topics.containsKey(topic.arn())) {
            store.putTopic(topic);
            topics.put(topic.arn(), topic);
        }
    }

    synchronized void delete(TopicRecord topic) {
        List<SubscriptionRecord> owned = subscriptionsOf(topic.arn());
        store.deleteTopic(topic, owned);
        owned.forEach(s -> subscriptions.remove(s.arn()));
        topics.remove(topic.arn());
    }

    synchronized void put(SubscriptionRecord subscription) {
        store.putSubscription(subscription);
        subscriptions.put(subscription.arn(), subscription);
    }

    /** Removes the subscription and counts it on its topic's SubscriptionsDeleted. */
    synchronized boolean remove(String subscriptionArn) {
        SubscriptionRecord subscription = subscriptions.get(subscriptionArn);
        if (subscription == null) {
            return false;
        }
        store.deleteSubscription(subscription);
        subscriptions.remove(subscriptionArn);
        topic(subscription.topicArn()).ifPresent(t -> update(t.withOneMoreDeleted()));
        return true;
    }

    synchronized void reset() {
        store.clear();
        topics.clear();
        subscriptions.clear();
    }
}
