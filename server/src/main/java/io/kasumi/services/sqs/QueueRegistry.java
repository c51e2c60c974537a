package io.kasumi.services.sqs;

import io.kasumi.api.sqs.QueueDeletedRecentlyException;
import io.kasumi.clock.VirtualClock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Every queue of every account and region, rebuilt from the store when the module starts.
 * Creating and deleting queues is serialized here; message traffic only locks its own queue.
 */
final class QueueRegistry {
    /** AWS refuses to re-create a queue's name for a minute after it was deleted. */
    private static final long RECREATE_DELAY_MILLIS = TimeUnit.SECONDS.toMillis(60);

    private final SqsStore store;
    private final VirtualClock clock;
    private final Map<QueueId, Queue> queues = new ConcurrentHashMap<>();
    private final Map<QueueId, Long> deletedAt = new ConcurrentHashMap<>();
    private final AtomicLong sequences = new AtomicLong();
    private final List<Runnable> resetListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    QueueRegistry(SqsStore store, VirtualClock clock) {
        this.store = store;
        this.clock = clock;
        load();
        clock.onJump(now -> queues.values().forEach(Queue::wake));
    }

    private void load() {
        Map<QueueId, List<MessageRecord>> messages = new HashMap<>();
        Map<QueueId, List<DedupEntry>> dedup = new HashMap<>();
        store.load(new SqsStore.Loader() {
            @Override
            public void queue(QueueRecord queue) {
                queues.put(queue.id(), newQueue(queue));
            }

            @Override
            public void message(QueueId queue, MessageRecord message) {
                messages.computeIfAbsent(queue, q -> new ArrayList<>()).add(message);
                sequences.accumulateAndGet(message.sequence(), Math::max);
            }

            @Override
            public void dedup(QueueId queue, DedupEntry entry) {
                dedup.computeIfAbsent(queue, q -> new ArrayList<>()).add(entry);
            }
        });
        messages.forEach((id, list) -> find(id).ifPresent(queue -> list.forEach(queue::restore)));
        dedup.forEach((id, list) -> find(id).ifPresent(queue -> list.forEach(queue::restore)));
    }

    private Queue newQueue(QueueRecord record) {
        return new Queue(record, store, clock, sequences::incrementAndGet);
    }

    Optional<Queue> find(QueueId id) {
        return Optional.ofNullable(queues.get(id));
    }

    Queue require(QueueId id) {
        Queue queue = queues.get(id);
        if (queue == null) {
            throw SqsErrors.noSuchQueue();
        }
        return queue;
    }

    /** The queue an ARN names, or null. */
    Queue byArn(String arn) {
        QueueId id = QueueId.fromArn(arn);
        return id == null ? null : queues.get(id);
    }

    Function<String, Queue> byArn() {
        return this::byArn;
    }

    /**
     * Creates the queue, or answers the existing one when {@code sameAs} accepts it (CreateQueue is
     * idempotent for identical attributes).
     */
    synchronized Queue create(QueueRecord record, java.util.function.Consumer<Queue> checkExisting) {
        Queue existing = queues.get(record.id());
        if (existing != null) {
            checkExisting.accept(existing);
            return existing;
        }
        Long deleted = deletedAt.get(record.id());
        if (deleted != null && clock.millis() - deleted < RECREATE_DELAY_MILLIS) {
            throw new QueueDeletedRecentlyException(
                    "You must wait 60 seconds after deleting a queue before you can create another with the same name.");
        }
        store.putQueue(record);
        Queue queue = newQueue(record);
        queues.put(record.id(), queue);
        return queue;
    }

    synchronized void delete(QueueId id) {
        Queue queue = require(id);
        store.deleteQueue(id);
        queues.remove(id);
        deletedAt.put(id, clock.millis());
        queue.markDeleted();
    }

    /** The queues of one account and region, by name. */
    List<Queue> list(String account, String region) {
        return queues.values().stream()
                .filter(q -> q.id().account().equals(account) && q.id().region().equals(region))
                .sorted(Comparator.comparing(q -> q.id().name()))
                .toList();
    }

    VirtualClock clock() {
        return clock;
    }

    /** Runs the listener when every queue is forgotten (state kept beside the queues goes too). */
    void onReset(Runnable listener) {
        resetListeners.add(listener);
    }

    synchronized void reset() {
        resetListeners.forEach(Runnable::run);
        store.clear();
        queues.values().forEach(Queue::markDeleted);
        queues.clear();
        deletedAt.clear();
    }
}
