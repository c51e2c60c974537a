package io.kasumi.bench;

import java.util.Arrays;

/**
 * Latencies in nanoseconds in log-linear buckets: exact below 128, then 64 buckets per power of
 * two, so a reported percentile is at most 1/64 (1.6%) above the true value. One per thread, merged
 * after the run, so recording takes no lock.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;          // buckets per power of two
    private static final int LINEAR = 2 * SUB;             // values below this are exact
    private static final int BUCKETS = LINEAR + (63 - SUB_BITS) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        total++;
        max = Math.max(max, value);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /**
     * The value at or below which the fraction {@code quantile} of the recordings lie (nearest rank),
     * as the highest value of its bucket, capped at the largest recording; 0 when empty.
     */
    long percentile(double quantile) {
        if (quantile < 0 || quantile > 1) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + quantile);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestValueIn(i), max);
            }
        }
        return max;
    }

    static int index(long value) {
        if (value < LINEAR) {
            return (int) value;
        }
        int shift = (63 - Long.numberOfLeadingZeros(value)) - SUB_BITS;   // >= 1
        int mantissa = (int) (value >>> shift);                           // in [SUB, 2 * SUB)
        return LINEAR + (shift - 1) * SUB + (mantissa - SUB);
    }

    static long highestValueIn(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / SUB + 1;
        long mantissa = (index - LINEAR) % SUB + SUB;
        return ((mantissa + 1) << shift) - 1;
    }

    @Override
    public String toString() {
        return "LatencyHistogram[count=" + total + ", max=" + max + ", buckets used="
                + Arrays.stream(counts).filter(c -> c > 0).count() + "]";
    }
}
