package io.kasumi.bench;

import java.util.Locale;

/** Number formats of the reports: whole milliseconds, megabytes to a tenth. */
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

    private Format() {
    }
}
