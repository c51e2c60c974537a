package io.kasumi.services.sqs;

import io.kasumi.clock.VirtualClock;
import io.kasumi.store.InMemoryStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sends, receives, deletes, visibility changes and clock moves against a queue and a
 * plain model that walks every message on each receive: both must hand out the same messages and
 * report the same counts.
 */
class QueueModelTest {
    /** What the model knows of a message. */
    private static final class Modelled {
        final String group;
        long visibleAt;
        int receiveCount;
        String receiptHandle;

        Modelled(String group, long visibleAt) {
            this.group = group;
            this.visibleAt = visibleAt;
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void queueAnswersAsAWalkOverEveryMessage(boolean fifo) throws InterruptedException {
        VirtualClock clock = new VirtualClock();
        clock.freeze();
        AtomicLong sequences = new AtomicLong();
        Map<String, String> attributes = new HashMap<>(QueueAttributes.defaults(fifo));
        Queue queue = new Queue(new QueueRecord("123456789012", "us-east-1", fifo ? "model.fifo" : "model", attributes,
                Map.of(), 0, 0), new SqsStore(new InMemoryStore()), clock, sequences::incrementAndGet);
        TreeMap<Long, Modelled> model = new TreeMap<>();
        Random random = new Random(fifo ? 7 : 11);

        for (int step = 0; step < 5_000; step++) {
            long now = clock.millis();
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    String group = fifo ? "g" + random.nextInt(6) : null;
                    int delay = fifo ? 0 : random.nextInt(3);
                    String body = "m" + step;
                    Queue.Sent sent = queue.send(new Queue.Outgoing(body, Map.of(), null, "s", delay, group,
                            fifo ? body : null));
                    model.put(sent.sequence(), new Modelled(group, now + delay * 1000L));
                }
                case 2 -> {
                    int max = 1 + random.nextInt(10);
                    int visibility = random.nextInt(4);
                    List<Long> expected = expectedReceive(model, now, max, fifo);
                    List<Queue.Delivery> got = queue.receive(max, visibility, 0, arn -> null);
                    assertThat(got.stream().map(d -> d.message().sequence()).toList()).as("step %d", step)
                            .isEqualTo(expected);
                    for (Queue.Delivery delivery : got) {
                        Modelled message = model.get(delivery.message().sequence());
                        message.visibleAt = now + visibility * 1000L;
                        message.receiveCount++;
                        message.receiptHandle = delivery.receiptHandle();
                    }
                }
                case 3 -> inFlight(model, now, random).ifPresent(sequence -> {
                    String handle = model.get(sequence).receiptHandle;
                    queue.delete(ReceiptHandle.decode(handle), handle);
                    model.remove(sequence);
                });
                case 4 -> inFlight(model, now, random).ifPresent(sequence -> {
                    Modelled message = model.get(sequence);
                    int timeout = random.nextInt(3);
                    queue.changeVisibility(ReceiptHandle.decode(message.receiptHandle), message.receiptHandle, timeout);
                    message.visibleAt = now + timeout * 1000L;
                });
                default -> clock.advance(Duration.ofMillis(random.nextInt(10) == 0 ? -1_500 : random.nextInt(1_500)));
            }
            long at = clock.millis();
            int visible = (int) model.values().stream().filter(m -> m.visibleAt <= at).count();
            int inFlight = (int) model.values().stream().filter(m -> m.visibleAt > at && m.receiveCount > 0).count();
            assertThat(queue.counts()).as("step %d", step)
                    .isEqualTo(new Queue.Counts(visible, inFlight, model.size() - visible - inFlight));
        }
    }

    private static java.util.Optional<Long> inFlight(TreeMap<Long, Modelled> model, long now, Random random) {
        List<Long> inFlight = model.entrySet().stream()
                .filter(e -> e.getValue().receiveCount > 0 && e.getValue().visibleAt > now)
                .map(Map.Entry::getKey).toList();
        return inFlight.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(inFlight.get(random.nextInt(inFlight.size())));
    }

    /** The receive as a walk over every message in send order. */
    private static List<Long> expectedReceive(TreeMap<Long, Modelled> model, long now, int max, boolean fifo) {
        Set<String> blocked = new HashSet<>();
        List<Long> taken = new ArrayList<>();
        for (Map.Entry<Long, Modelled> entry : model.entrySet()) {
            if (taken.size() == max) {
                break;
            }
            Modelled message = entry.getValue();
            if (fifo && blocked.contains(message.group)) {
                continue;
            }
            if (message.visibleAt > now) {
                if (fifo) {
                    blocked.add(message.group);
                }
                continue;
            }
            taken.add(entry.getKey());
        }
        return taken;
    }
}
