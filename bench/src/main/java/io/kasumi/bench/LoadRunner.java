package io.kasumi.bench;

import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a prepared workload from N threads: a warm-up whose operations are not counted, then the
 * measured window. Only operations that start and end inside the window count; each thread keeps
 * its own histogram and counters, merged at the end.
 */
final class LoadRunner {

    record Settings(Duration warmup, Duration duration) {
    }

    private static final class Tally {
        final LatencyHistogram latencies = new LatencyHistogram();
        long ops;
        long items;
        long errors;
    }

    static LoadResult run(String target, String workload, Workload.Run run, int clients, Settings settings)
            throws InterruptedException {
        long measureStart = System.nanoTime() + settings.warmup().toNanos();
        long measureEnd = measureStart + settings.duration().toNanos();
        AtomicBoolean drained = new AtomicBoolean();
        AtomicLong drainedAt = new AtomicLong(Long.MAX_VALUE);
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Tally tally = new Tally();
            tallies.add(tally);
            threads.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                while (!drained.get()) {
                    long started = System.nanoTime();
                    if (started >= measureEnd) {
                        return;
                    }
                    int items;
                    boolean failed = false;
                    try {
                        items = run.execute();
                    } catch (SdkException e) {
                        items = 0;
                        failed = true;
                    }
                    long ended = System.nanoTime();
                    if (items == Workload.Run.DRAINED) {
                        drainedAt.accumulateAndGet(ended, Math::min);
                        drained.set(true);
                        return;
                    }
                    if (started >= measureStart && ended <= measureEnd) {
                        tally.latencies.record(ended - started);
                        tally.ops++;
                        tally.items += items;
                        if (failed) {
                            tally.errors++;
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        LatencyHistogram all = new LatencyHistogram();
        long ops = 0;
        long items = 0;
        long errors = 0;
        for (Tally tally : tallies) {
            all.add(tally.latencies);
            ops += tally.ops;
            items += tally.items;
            errors += tally.errors;
        }
        long end = Math.min(measureEnd, drainedAt.get());
        double seconds = Math.max(0, end - measureStart) / 1e9;
        return new LoadResult(target, workload, clients, seconds, ops, items, errors, all.percentile(0.50),
                all.percentile(0.99), drained.get());
    }

    private LoadRunner() {
    }
}
