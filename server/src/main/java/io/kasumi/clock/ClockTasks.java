package io.kasumi.clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Background work that follows the virtual clock: expiry and evaluation (TTL, lifecycle rules,
 * log retention, alarms, scheduled key deletion). Each task runs every period of real time, and
 * at once, on the caller's thread, whenever the clock is set or advanced, so a test that moves
 * the clock sees the effect as soon as the move returns.
 */
public final class ClockTasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClockTasks.class);

    private final VirtualClock clock;
    private final List<Consumer<Instant>> tasks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kasumi-clock-tasks").factory());

    public ClockTasks(VirtualClock clock) {
        this.clock = clock;
        clock.onJump(this::runAll);
    }

    /** Runs the task with the virtual time every period, and on every clock jump. */
    public void every(Duration period, Consumer<Instant> task) {
        tasks.add(task);
        timer.scheduleWithFixedDelay(() -> runSafely(task, clock.instant()),
                period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runAll(Instant now) {
        tasks.forEach(task -> runSafely(task, now));
    }

    private static void runSafely(Consumer<Instant> task, Instant now) {
        try {
            task.accept(now);
        } catch (RuntimeException e) {
            LOG.warn("clock task failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
