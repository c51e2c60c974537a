package io.kasumi.clock;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualClockTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void followsTheSystemClockUntilMoved() {
        VirtualClock clock = new VirtualClock(Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(clock.instant()).isEqualTo(T0);
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void frozenClockStandsStillAndResumesFromWhereItStood() {
        MutableClock system = new MutableClock(T0);
        VirtualClock clock = new VirtualClock(system);
        clock.freeze();
        system.now = T0.plusSeconds(60);

        assertThat(clock.instant()).isEqualTo(T0);
        clock.resume();
        system.now = T0.plusSeconds(70);
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void jumpsAreAnnouncedToListeners() {
        VirtualClock clock = new VirtualClock(Clock.fixed(T0, ZoneOffset.UTC));
        List<Instant> seen = new ArrayList<>();
        clock.onJump(seen::add);

        clock.set(T0.plusSeconds(30));
        clock.reset();

        assertThat(seen).containsExactly(T0.plusSeconds(30), T0);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
