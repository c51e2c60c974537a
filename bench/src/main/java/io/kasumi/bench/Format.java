package io.kasumi.bench;

import java.util.Locale;

/** Number formats of the reports: whole milliseconds, megabytes to a tenth, rates, latencies. */
final class Format {

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f", millis);
    }

    static String mb(double megabytes) {
        return String.format(Locale.ROOT, "%.1f", megabytes);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    /** Operations or items per second, whole. */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    /** A latency in milliseconds to the microsecond. */
    static String latencyMs(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private Format() {
    }
}
