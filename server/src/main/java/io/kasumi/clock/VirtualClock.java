package io.kasumi.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The time every TTL, visibility timeout, schedule and expiry reads. It follows the system clock
 * shifted by an offset, or stands still when frozen; tests jump it instead of sleeping.
 */
public final class VirtualClock extends Clock {
    private final Clock system;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public VirtualClock() {
        this(Clock.systemUTC());
    }

    public VirtualClock(Clock system) {
        this.system = system;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : system.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the virtual clock is always UTC");
    }

    /** Moves time to the instant; a frozen clock stays frozen there. */
    public synchronized void set(Instant instant) {
        if (frozenAt != null) {
            frozenAt = instant;
        } else {
            offset = Duration.between(system.instant(), instant);
        }
        fire();
    }

    /** Moves time forward (or back, for a negative duration). */
    public synchronized void advance(Duration duration) {
        set(instant().plus(duration));
    }

    /** Stops time at its current instant. */
    public synchronized void freeze() {
        frozenAt = instant();
    }

    /** Lets time run again from where it stands. */
    public synchronized void resume() {
        Instant frozen = frozenAt;
        if (frozen != null) {
            offset = Duration.between(system.instant(), frozen);
            frozenAt = null;
        }
    }

    /** Back to the system's time, running. */
    public synchronized void reset() {
        frozenAt = null;
        offset = Duration.ZERO;
        fire();
    }

    public boolean isFrozen() {
        return frozenAt != null;
    }

    public Duration offset() {
        Instant frozen = frozenAt;
        return frozen != null ? Duration.between(system.instant(), frozen) : offset;
    }

    /** Called with the new time whenever the clock is set, so schedulers can re-evaluate. */
    public void onJump(Consumer<Instant> listener) {
        listeners.add(listener);
    }

    private void fire() {
        Instant now = instant();
        listeners.forEach(listener -> listener.accept(now));
    }
}
