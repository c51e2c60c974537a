package io.kasumi.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        LongStream.rangeClosed(1, 100).forEach(h::record);

        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentile(0.50)).isEqualTo(50);
        assertThat(h.percentile(0.99)).isEqualTo(99);
        assertThat(h.percentile(1.0)).isEqualTo(100);
        assertThat(h.percentile(0.0)).isEqualTo(1);
    }

    @Test
    void largeValuesAreWithinOneSixtyFourthAbove() {
        LatencyHistogram h = new LatencyHistogram();
        // 1 ms .. 10 ms in microsecond steps, in nanoseconds
        LongStream.rangeClosed(1_000, 10_000).map(us -> us * 1_000).forEach(h::record);

        long p50 = h.percentile(0.50);
        long p99 = h.percentile(0.99);
        long trueP50 = 5_500_000;   // rank 4501 of 9001 values starting at 1 ms
        long trueP99 = 9_910_000;   // rank ceil(0.99 * 9001) = 8911
        assertThat(p50).isBetween(trueP50, trueP50 + trueP50 / 64);
        assertThat(p99).isBetween(trueP99, trueP99 + trueP99 / 64);
        assertThat(h.percentile(1.0)).isEqualTo(10_000_000);
    }

    @Test
    void everyValueFallsInABucketWhoseHighestValueIsAtLeastIt() {
        for (long v : new long[]{0, 1, 127, 128, 129, 255, 256, 1_000_003, 59_999_999_999L, Long.MAX_VALUE / 2}) {
            long highest = LatencyHistogram.highestValueIn(LatencyHistogram.index(v));
            assertThat(highest).isGreaterThanOrEqualTo(v);
            assertThat((double) highest).isCloseTo(v, within(Math.max(0.0, v / 64.0)));
        }
    }

    @Test
    void mergedHistogramsCountBoth() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        LongStream.range(0, 99).forEach(i -> fast.record(1_000_000));
        slow.record(50_000_000);

        fast.add(slow);

        assertThat(fast.count()).isEqualTo(100);
        assertThat(fast.max()).isEqualTo(50_000_000);
        assertThat(fast.percentile(0.99)).isBetween(1_000_000L, 1_000_000L + 1_000_000 / 64);
        assertThat(fast.percentile(1.0)).isEqualTo(50_000_000);
    }

    @Test
    void emptyHistogramReportsZero() {
        assertThat(new LatencyHistogram().percentile(0.99)).isZero();
    }

    @Test
    void rejectsQuantileOutsideZeroToOne() {
        assertThatThrownBy(() -> new LatencyHistogram().percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
