package io.kasumi.services.sqs;

import io.kasumi.clock.VirtualClock;
import io.kasumi.store.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue's indexes (visible vs hidden, by sent time) over many messages: receives, counts and
 * retention must answer as a walk over every message would.
 */
class QueueDepthTest {
    private static final int DEPTH = 20_000;

    private final VirtualClock clock = new VirtualClock();
    private final AtomicLong sequences = new AtomicLong();
    private final SqsStore store = new SqsStore(new InMemoryStore());

    @BeforeEach
    void freezeClock() {
        clock.freeze();
    }

    private Queue queue(boolean fifo, Map<String, String> extra) {
        Map<String, String> attributes = new HashMap<>(QueueAttributes.defaults(fifo));
        attributes.putAll(extra);
        String name = "depth" + sequences.incrementAndGet() + (fifo ? ".fifo" : "");
        return new Queue(new QueueRecord("123456789012", "us-east-1", name, attributes, Map.of(), 0, 0),
                store, clock, sequences::incrementAndGet);
    }

    private static Queue.Outgoing message(String body, String groupId) {
        return new Queue.Outgoing(body, Map.of(), null, "sender", 0, groupId, groupId == null ? null : body);
    }

    private static List<String> bodies(List<Queue.Delivery> deliveries) {
        return deliveries.stream().map(delivery -> delivery.message().body()).toList();
    }

    private static List<Queue.Delivery> receive(Queue queue, int max, int visibilitySeconds) throws InterruptedException {
        return queue.receive(max, visibilitySeconds, 0, arn -> null);
    }

    @Test
    void deepQueueWithHalfInFlightReceivesTheVisibleOnesInSendOrder() throws InterruptedException {
        Queue queue = queue(false, Map.of());
        for (int i = 0; i < DEPTH; i++) {
            queue.send(message("m" + i, null));
        }
        List<String> first = new ArrayList<>();
        while (first.size() < DEPTH / 2) {
            first.addAll(bodies(receive(queue, 10, 60)));
        }
        assertThat(first).startsWith("m0", "m1").endsWith("m" + (DEPTH / 2 - 1)).doesNotHaveDuplicates();
        assertThat(queue.counts()).isEqualTo(new Queue.Counts(DEPTH / 2, DEPTH / 2, 0));

        assertThat(bodies(receive(queue, 10, 60))).containsExactly(
                "m10000", "m10001", "m10002", "m10003", "m10004", "m10005", "m10006", "m10007", "m10008", "m10009");

        clock.advance(Duration.ofSeconds(61));
        List<Queue.Delivery> again = receive(queue, 3, 60);
        assertThat(bodies(again)).containsExactly("m0", "m1", "m2");
        assertThat(again).allSatisfy(delivery -> assertThat(delivery.message().receiveCount()).isEqualTo(2));
        assertThat(queue.counts()).isEqualTo(new Queue.Counts(DEPTH - 3, 3, 0));
    }

    @Test
    void deletingAndChangingVisibilityKeepTheCountsInStep() throws InterruptedException {
        Queue queue = queue(false, Map.of());
        for (int i = 0; i < 100; i++) {
            queue.send(message("m" + i, null));
        }
        List<Queue.Delivery> taken = receive(queue, 10, 60);
        Queue.Delivery deleted = taken.get(0);
        queue.delete(ReceiptHandle.decode(deleted.receiptHandle()), deleted.receiptHandle());
        Queue.Delivery released = taken.get(1);
        queue.changeVisibility(ReceiptHandle.decode(released.receiptHandle()), released.receiptHandle(), 0);

        assertThat(queue.counts()).isEqualTo(new Queue.Counts(91, 8, 0));
        assertThat(bodies(receive(queue, 2, 60))).containsExactly("m1", "m10");
    }

    @Test
    void delayedMessagesCountAsDelayedUntilTheirDelayPasses() throws InterruptedException {
        Queue queue = queue(false, Map.of());
        queue.send(new Queue.Outgoing("late", Map.of(), null, "sender", 5, null, null));
        queue.send(message("now", null));

        assertThat(queue.counts()).isEqualTo(new Queue.Counts(1, 0, 1));
        assertThat(bodies(receive(queue, 10, 60))).containsExactly("now");
        clock.advance(Duration.ofSeconds(5));
        assertThat(bodies(receive(queue, 10, 60))).containsExactly("late");
    }

    @Test
    void clockGoingBackHidesMessagesAgain() throws InterruptedException {
        Queue queue = queue(false, Map.of());
        queue.send(message("m0", null));
        receive(queue, 1, 30);
        clock.advance(Duration.ofSeconds(31));
        assertThat(queue.counts()).isEqualTo(new Queue.Counts(1, 0, 0));

        clock.advance(Duration.ofSeconds(-31));
        assertThat(queue.counts()).isEqualTo(new Queue.Counts(0, 1, 0));
        assertThat(receive(queue, 1, 30)).isEmpty();
    }

    @Test
    void retentionDropsOnlyMessagesSentBeforeThePeriod() throws InterruptedException {
        Queue queue = queue(false, Map.of(QueueAttributes.MESSAGE_RETENTION_PERIOD, "60"));
        for (int i = 0; i < 1_000; i++) {
            queue.send(message("old" + i, null));
        }
        clock.advance(Duration.ofSeconds(30));
        queue.send(message("new", null));
        receive(queue, 10, 600);
        clock.advance(Duration.ofSeconds(30));

        assertThat(queue.counts()).isEqualTo(new Queue.Counts(1, 0, 0));
        assertThat(bodies(receive(queue, 10, 60))).containsExactly("new");
    }

    @Test
    void fifoSkipsGroupsWithAMessageInFlightInADeepQueue() throws InterruptedException {
        Queue queue = queue(true, Map.of());
        for (int i = 0; i < DEPTH; i++) {
            queue.send(message("g" + (i % 2) + "-" + i, "g" + (i % 2)));
        }
        assertThat(bodies(receive(queue, 1, 60))).containsExactly("g0-0");

        assertThat(bodies(receive(queue, 3, 60))).containsExactly("g1-1", "g1-3", "g1-5");
        assertThat(receive(queue, 10, 60)).isEmpty();
        assertThat(queue.counts()).isEqualTo(new Queue.Counts(DEPTH - 4, 4, 0));
    }
}
