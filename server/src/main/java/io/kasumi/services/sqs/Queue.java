package io.kasumi.services.sqs;

import io.kasumi.api.sqs.MessageNotInflightException;
import io.kasumi.api.sqs.PurgeQueueInProgressException;
import io.kasumi.store.WriteBatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One queue at run time: its messages in send order, indexed in memory over the store, under a
 * lock whose condition wakes long-polling receivers when a message arrives, becomes visible or
 * the clock jumps. Every change is written to the store before memory is updated.
 *
 * <p>Besides the send order, messages are indexed by sent time (so retention drops only the
 * expired ones) and split into those visible and those hidden until some instant (so a receive
 * takes from the visible ones without walking past every message in flight). All changes to the
 * messages go through {@link #put} and {@link #remove}, which keep the indexes in step.
 */
final class Queue {
    private static final long DEDUP_WINDOW_MILLIS = TimeUnit.MINUTES.toMillis(5);
    private static final long PURGE_INTERVAL_MILLIS = TimeUnit.SECONDS.toMillis(60);
    /** How long a FIFO receive can be retried with its ReceiveRequestAttemptId. */
    private static final long RECEIVE_ATTEMPT_WINDOW_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final SqsStore store;
    private final Clock clock;
    private final LongSupplier sequences;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private static final Comparator<MessageRecord> BY_SENT =
            Comparator.comparingLong(MessageRecord::sentMillis).thenComparingLong(MessageRecord::sequence);
    private static final Comparator<MessageRecord> BY_VISIBLE_AT =
            Comparator.comparingLong(MessageRecord::visibleAtMillis).thenComparingLong(MessageRecord::sequence);

    /** Every message, by sequence. */
    private final TreeMap<Long, MessageRecord> messages = new TreeMap<>();
    /** Every message, oldest sent first (redriven copies keep their sent time, so this is not send order). */
    private final TreeSet<MessageRecord> bySent = new TreeSet<>(BY_SENT);
    /** The messages visible at {@link #indexedAtMillis}, by sequence. */
    private final TreeMap<Long, MessageRecord> ready = new TreeMap<>();
    /** The rest (in flight or delayed at {@link #indexedAtMillis}), soonest visible first. */
    private final TreeSet<MessageRecord> hidden = new TreeSet<>(BY_VISIBLE_AT);
    /** How many of {@link #hidden} were received before, i.e. are in flight rather than delayed. */
    private int hiddenReceived;
    /** The instant {@link #ready} and {@link #hidden} were split at. */
    private long indexedAtMillis;
    /** For a FIFO queue, the visible and hidden messages again by group; null for a standard queue. */
    private final FifoGroups groups;
    private final Map<String, DedupEntry> dedup = new HashMap<>();
    private final Map<String, ReceiveAttempt> attempts = new HashMap<>();
    private volatile QueueRecord record;
    private boolean deleted;
    private long lastPurgeMillis = Long.MIN_VALUE / 2;

    Queue(QueueRecord record, SqsStore store, Clock clock, LongSupplier sequences) {
        this.record = record;
        this.store = store;
        this.clock = clock;
        this.sequences = sequences;
        this.indexedAtMillis = clock.millis();
        this.groups = record.fifo() ? new FifoGroups() : null;
    }

    /** A message as SendMessage hands it over, validated. */
    record Outgoing(String body, Map<String, AttributeValue> attributes, String traceHeader, String senderId,
                    int delaySeconds, String groupId, String deduplicationId) {
    }

    /** What a send answered: a duplicate answers the first send's id and sequence. */
    record Sent(String messageId, long sequence) {
    }

    /** One message handed to a receiver, with the handle of this receive. */
    record Delivery(MessageRecord message, String receiptHandle) {
    }

    /**
     * A FIFO receive that may be retried: the messages it handed out, with the receipt and the
     * visibility each had then (a message deleted, received again or changed since ends the retry).
     */
    private record ReceiveAttempt(List<MessageRecord> delivered, long expiresMillis) {
    }

    /** What a message move task took from this queue in one step. */
    record Drained(int moved, String missingDestinationArn) {
    }

    /** Message counts as GetQueueAttributes reports them. */
    record Counts(int visible, int inFlight, int delayed) {
    }

    QueueRecord record() {
        return record;
    }

    QueueId id() {
        return record.id();
    }

    void update(QueueRecord updated) {
        lock.lock();
        try {
            store.putQueue(updated);
            record = updated;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Called while loading from the store, before the queue serves requests. */
    void restore(MessageRecord message) {
        put(message);
    }

    void restore(DedupEntry entry) {
        dedup.put(entry.key(), entry);
    }

    Sent send(Outgoing outgoing) {
        lock.lock();
        try {
            long now = clock.millis();
            WriteBatch.Builder batch = WriteBatch.builder();
            String dedupKey = null;
            if (outgoing.deduplicationId() != null) {
                forgetExpiredDedup(now, batch);
                dedupKey = "messageGroup".equals(record.attributes().get(QueueAttributes.DEDUPLICATION_SCOPE))
                        ? outgoing.groupId() + "\n" + outgoing.deduplicationId() : outgoing.deduplicationId();
                DedupEntry seen = dedup.get(dedupKey);
                if (seen != null) {
                    store.write(batch);
                    return new Sent(seen.messageId(), seen.sequence());
                }
            }
            long sequence = sequences.getAsLong();
            String messageId = UUID.randomUUID().toString();
            MessageRecord message = new MessageRecord(sequence, messageId, outgoing.body(), outgoing.attributes(),
                    outgoing.traceHeader(), outgoing.senderId(), now, now + outgoing.delaySeconds() * 1000L, 0, 0, 0, null,
                    outgoing.groupId(), outgoing.deduplicationId(), null);
            store.putMessage(batch, id(), message);
            DedupEntry entry = dedupKey == null ? null : new DedupEntry(dedupKey, messageId, sequence, now + DEDUP_WINDOW_MILLIS);
            if (entry != null) {
                store.putDedup(batch, id(), entry);
            }
            store.write(batch);
            put(message);
            if (entry != null) {
                dedup.put(dedupKey, entry);
            }
            if (outgoing.delaySeconds() == 0) {
                // one waiter per message: waking every long poll for each send costs O(waiters x messages)
                changed.signal();
            } else {
                // a delayed message: every waiter re-plans when to look again
                changed.signalAll();
            }
            return new Sent(messageId, sequence);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Receives up to {@code max} messages, waiting up to {@code waitSeconds} (in real time, or
     * until the virtual clock passes the same span) for the first to become available.
     * Messages past their dead-letter queue's maxReceiveCount are moved there instead.
     */
    List<Delivery> receive(int max, int visibilitySeconds, int waitSeconds, Function<String, Queue> queuesByArn)
            throws InterruptedException {
        return receive(max, visibilitySeconds, waitSeconds, null, queuesByArn);
    }

    /**
     * The same, for a FIFO queue with a ReceiveRequestAttemptId: a retry within five minutes
     * answers the first attempt's messages and receipt handles (resetting their visibility
     * timeout) while none of them was deleted or changed since.
     */
    List<Delivery> receive(int max, int visibilitySeconds, int waitSeconds, String attemptId,
                           Function<String, Queue> queuesByArn) throws InterruptedException {
        long realDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        long virtualDeadline = clock.millis() + waitSeconds * 1000L;
        boolean retriable = attemptId != null && record.fifo();
        lock.lock();
        try {
            if (retriable) {
                List<Delivery> again = retry(attemptId, visibilitySeconds);
                if (again != null) {
                    return again;
                }
            }
            while (true) {
                if (deleted) {
                    return List.of();
                }
                long now = clock.millis();
                List<MessageRecord> deadLetters = new ArrayList<>();
                Queue deadLetterQueue = deadLetterQueue(queuesByArn);
                List<Delivery> deliveries = collect(now, max, visibilitySeconds, deadLetterQueue, deadLetters);
                if (!deadLetters.isEmpty()) {
                    // never hold two queue locks at once: hand the moved messages over unlocked
                    lock.unlock();
                    try {
                        deadLetterQueue.accept(deadLetters);
                    } finally {
                        lock.lock();
                    }
                }
                long realRemaining = realDeadline - System.nanoTime();
                if (!deliveries.isEmpty() || realRemaining <= 0 || now >= virtualDeadline) {
                    if (retriable && !deliveries.isEmpty()) {
                        attempts.put(attemptId, new ReceiveAttempt(
                                deliveries.stream().map(Delivery::message).toList(), now + RECEIVE_ATTEMPT_WINDOW_MILLIS));
                    }
                    return deliveries;
                }
                if (!deadLetters.isEmpty()) {
                    continue;
                }
                long untilVisible = nextVisibleMillis(now) - now;
                changed.awaitNanos(Math.min(realRemaining, TimeUnit.MILLISECONDS.toNanos(Math.max(1, untilVisible))));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The earlier attempt's deliveries again, or null when there is none to repeat. Holds the lock. */
    private List<Delivery> retry(String attemptId, int visibilitySeconds) {
        long now = clock.millis();
        attempts.values().removeIf(attempt -> attempt.expiresMillis() <= now);
        ReceiveAttempt attempt = attempts.get(attemptId);
        if (attempt == null) {
            return null;
        }
        List<MessageRecord> renewed = new ArrayList<>();
        for (MessageRecord then : attempt.delivered()) {
            MessageRecord current = messages.get(then.sequence());
            if (current == null || !current.equals(then)) {
                attempts.remove(attemptId);
                return null;
            }
            renewed.add(current.visibleFrom(now + visibilitySeconds * 1000L));
        }
        WriteBatch.Builder batch = WriteBatch.builder();
        renewed.forEach(message -> store.putMessage(batch, id(), message));
        store.write(batch);
        renewed.forEach(this::put);
        attempts.put(attemptId, new ReceiveAttempt(renewed, attempt.expiresMillis()));
        return renewed.stream()
                .map(message -> new Delivery(message, new ReceiptHandle(id(), message.sequence(), message.receipt()).encode()))
                .toList();
    }

    /**
     * Moves up to {@code max} visible messages sent up to sequence {@code upTo} to the queue
     * {@code destinationOf} names for each, and stops at one whose destination does not exist.
     */
    Drained drain(int max, long upTo, Function<MessageRecord, Queue> destinationOf) {
        Map<Queue, List<MessageRecord>> arrivals = new java.util.LinkedHashMap<>();
        int moved = 0;
        String missing = null;
        lock.lock();
        try {
            long now = clock.millis();
            WriteBatch.Builder batch = WriteBatch.builder();
            expire(now, batch);
            reindex(now);
            List<Long> taken = new ArrayList<>();
            for (MessageRecord message : ready.headMap(upTo, true).values()) {
                if (moved == max) {
                    break;
                }
                Queue destination = destinationOf.apply(message);
                if (destination == null || destination == this) {
                    missing = message.deadLetterSourceArn() != null ? message.deadLetterSourceArn() : "";
                    break;
                }
                MessageRecord copy = message.redriven(sequences.getAsLong(), now);
                store.deleteMessage(batch, id(), message.sequence());
                store.putMessage(batch, destination.id(), copy);
                arrivals.computeIfAbsent(destination, q -> new ArrayList<>()).add(copy);
                taken.add(message.sequence());
                moved++;
            }
            store.write(batch);
            taken.forEach(this::remove);
        } finally {
            lock.unlock();
        }
        arrivals.forEach(Queue::accept);
        return new Drained(moved, missing);
    }

    /** How many messages sent up to sequence {@code upTo} are still here. */
    int remaining(long upTo) {
        lock.lock();
        try {
            WriteBatch.Builder batch = WriteBatch.builder();
            expire(clock.millis(), batch);
            store.write(batch);
            return messages.headMap(upTo, true).size();
        } finally {
            lock.unlock();
        }
    }

    /** The latest sequence in the queue, or 0 when it is empty. */
    long lastSequence() {
        lock.lock();
        try {
            return messages.isEmpty() ? 0 : messages.lastKey();
        } finally {
            lock.unlock();
        }
    }

    private Queue deadLetterQueue(Function<String, Queue> queuesByArn) {
        RedrivePolicy redrive = record.redrivePolicy();
        if (redrive == null) {
            return null;
        }
        Queue target = queuesByArn.apply(redrive.deadLetterTargetArn());
        return target == this ? null : target;
    }

    private List<Delivery> collect(long now, int max, int visibilitySeconds, Queue deadLetterQueue, List<MessageRecord> deadLetters) {
        WriteBatch.Builder batch = WriteBatch.builder();
        expire(now, batch);
        reindex(now);
        int maxReceiveCount = deadLetterQueue == null ? Integer.MAX_VALUE : record.redrivePolicy().maxReceiveCount();
        List<MessageRecord> received = new ArrayList<>();
        List<MessageRecord> moved = new ArrayList<>();
        // a FIFO group delivers in order, and not at all while one of its messages is in flight
        Iterator<MessageRecord> candidates = groups != null ? groups.deliverable() : ready.values().iterator();
        while (candidates.hasNext() && received.size() < max) {
            MessageRecord message = candidates.next();
            if (message.receiveCount() >= maxReceiveCount) {
                moved.add(message);
                continue;
            }
            received.add(message.received(now, now + visibilitySeconds * 1000L, UUID.randomUUID().toString()));
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (MessageRecord message : received) {
            store.putMessage(batch, id(), message);
            deliveries.add(new Delivery(message, new ReceiptHandle(id(), message.sequence(), message.receipt()).encode()));
        }
        String sourceArn = id().arn();
        for (MessageRecord message : moved) {
            store.deleteMessage(batch, id(), message.sequence());
            MessageRecord copy = message.movedTo(sequences.getAsLong(), sourceArn, now);
            store.putMessage(batch, deadLetterQueue.id(), copy);
            deadLetters.add(copy);
        }
        store.write(batch);
        received.forEach(this::put);
        moved.forEach(message -> remove(message.sequence()));
        return deliveries;
    }

    /** Takes messages a source queue's redrive moved here (already in the store). */
    void accept(List<MessageRecord> arrived) {
        lock.lock();
        try {
            if (!deleted) {
                arrived.forEach(this::put);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void delete(ReceiptHandle handle, String rawHandle) {
        lock.lock();
        try {
            long now = clock.millis();
            MessageRecord message = messages.get(handle.sequence());
            if (message == null) {
                return;
            }
            boolean current = handle.nonce().equals(message.receipt());
            if (record.fifo() && (!current || !message.inFlightAt(now))) {
                throw SqsErrors.invalidParameter("ReceiptHandle", rawHandle, "The receipt handle has expired.");
            }
            if (!current) {
                // AWS: an older receipt handle succeeds but does not delete the message
                return;
            }
            WriteBatch.Builder batch = WriteBatch.builder();
            store.deleteMessage(batch, id(), message.sequence());
            store.write(batch);
            remove(message.sequence());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void changeVisibility(ReceiptHandle handle, String rawHandle, int timeoutSeconds) {
        lock.lock();
        try {
            long now = clock.millis();
            MessageRecord message = messages.get(handle.sequence());
            if (message == null || !handle.nonce().equals(message.receipt())) {
                throw SqsErrors.invalidParameter("ReceiptHandle", rawHandle,
                        "Message does not exist or is not available for visibility timeout change.");
            }
            if (!message.inFlightAt(now)) {
                throw new MessageNotInflightException("The message referred to isn't in flight.");
            }
            long elapsedSeconds = (now - message.lastReceiveMillis()) / 1000;
            if (elapsedSeconds + timeoutSeconds > QueueAttributes.MAX_VISIBILITY_TIMEOUT) {
                throw SqsErrors.invalidParameter("VisibilityTimeout", timeoutSeconds,
                        "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
            }
            MessageRecord updated = message.visibleFrom(now + timeoutSeconds * 1000L);
            WriteBatch.Builder batch = WriteBatch.builder();
            store.putMessage(batch, id(), updated);
            store.write(batch);
            put(updated);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void purge() {
        lock.lock();
        try {
            long now = clock.millis();
            if (now - lastPurgeMillis < PURGE_INTERVAL_MILLIS) {
                throw new PurgeQueueInProgressException("Only one PurgeQueue operation on " + record.name()
                        + " is allowed every 60 seconds.");
            }
            store.deleteMessages(id());
            clearMessages();
            lastPurgeMillis = now;
        } finally {
            lock.unlock();
        }
    }

    Counts counts() {
        lock.lock();
        try {
            long now = clock.millis();
            WriteBatch.Builder batch = WriteBatch.builder();
            expire(now, batch);
            store.write(batch);
            reindex(now);
            return new Counts(ready.size(), hiddenReceived, hidden.size() - hiddenReceived);
        } finally {
            lock.unlock();
        }
    }

    /** The queue is gone: waiting receivers return empty-handed. */
    void markDeleted() {
        lock.lock();
        try {
            deleted = true;
            clearMessages();
            dedup.clear();
            attempts.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Lets waiting receivers look again, e.g. after the clock jumped. */
    void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops messages older than the retention period, oldest first. */
    private void expire(long now, WriteBatch.Builder batch) {
        long oldestKept = now - record.intAttribute(QueueAttributes.MESSAGE_RETENTION_PERIOD) * 1000L;
        while (!bySent.isEmpty() && bySent.first().sentMillis() <= oldestKept) {
            long sequence = bySent.first().sequence();
            store.deleteMessage(batch, id(), sequence);
            remove(sequence);
        }
    }

    /** Adds or replaces a message in memory and in every index. */
    private void put(MessageRecord message) {
        MessageRecord previous = messages.put(message.sequence(), message);
        if (previous != null) {
            unindex(previous);
        }
        bySent.add(message);
        if (message.visibleAtMillis() <= indexedAtMillis) {
            show(message);
        } else {
            hide(message);
        }
    }

    private void remove(long sequence) {
        MessageRecord previous = messages.remove(sequence);
        if (previous != null) {
            unindex(previous);
        }
    }

    private void unindex(MessageRecord message) {
        bySent.remove(message);
        if (!unshow(message) && hidden.remove(message)) {
            unhidden(message);
        }
    }

    private void show(MessageRecord message) {
        ready.put(message.sequence(), message);
        if (groups != null) {
            groups.addVisible(message);
        }
    }

    /** Takes a message out of the visible ones; false when it was not among them. */
    private boolean unshow(MessageRecord message) {
        if (ready.remove(message.sequence()) == null) {
            return false;
        }
        if (groups != null) {
            groups.removeVisible(message);
        }
        return true;
    }

    private void hide(MessageRecord message) {
        hidden.add(message);
        if (message.receiveCount() > 0) {
            hiddenReceived++;
        }
        if (groups != null) {
            groups.addHidden(message);
        }
    }

    /** Accounts for a message just taken out of {@link #hidden}. */
    private void unhidden(MessageRecord message) {
        if (message.receiveCount() > 0) {
            hiddenReceived--;
        }
        if (groups != null) {
            groups.removeHidden(message);
        }
    }

    private void clearMessages() {
        messages.clear();
        bySent.clear();
        ready.clear();
        hidden.clear();
        hiddenReceived = 0;
        if (groups != null) {
            groups.clear();
        }
    }

    /** Re-splits visible from hidden at {@code now}: O(messages that changed side) unless the clock went back. */
    private void reindex(long now) {
        if (now < indexedAtMillis) {
            List<MessageRecord> hiddenAgain = ready.values().stream().filter(message -> !message.visibleAt(now)).toList();
            hiddenAgain.forEach(message -> {
                unshow(message);
                hide(message);
            });
        }
        indexedAtMillis = now;
        while (!hidden.isEmpty() && hidden.first().visibleAt(now)) {
            MessageRecord message = hidden.pollFirst();
            unhidden(message);
            show(message);
        }
    }

    private void forgetExpiredDedup(long now, WriteBatch.Builder batch) {
        dedup.values().removeIf(entry -> {
            boolean expired = entry.expiresMillis() <= now;
            if (expired) {
                store.deleteDedup(batch, id(), entry.key());
            }
            return expired;
        });
    }

    private long nextVisibleMillis(long now) {
        reindex(now);
        return hidden.isEmpty() ? Long.MAX_VALUE : hidden.first().visibleAtMillis();
    }
}
