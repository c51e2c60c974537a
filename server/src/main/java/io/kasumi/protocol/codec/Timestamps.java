package io.kasumi.protocol.codec;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats timestamps in the three wire forms, strictly: a value that is not exactly
 * in the expected form is a {@code SerializationException}, as AWS's protocol tests require
 * (servers take date-times in UTC only: "Z", no offsets).
 */
public final class Timestamps {
    private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[Zz]");
    private static final Pattern HTTP_DATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    + "(\\d{4}) (\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)? GMT");
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final DateTimeFormatter HTTP_DATE_OUT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private Timestamps() {
    }

    /** Parses text in the given form; throws SerializationException when it is not. */
    public static Instant parse(String text, TimestampFormat format) {
        return switch (format) {
            case EPOCH_SECONDS -> parseEpochSeconds(text);
            case DATE_TIME -> parseDateTime(text);
            case HTTP_DATE -> parseHttpDate(text);
        };
    }

    public static String format(Instant instant, TimestampFormat format) {
        return switch (format) {
            case EPOCH_SECONDS -> epochSeconds(instant).toPlainString();
            case DATE_TIME -> DateTimeFormatter.ISO_INSTANT.format(instant);
            case HTTP_DATE -> HTTP_DATE_OUT.format(instant);
        };
    }

    /** Seconds since the epoch, with the fraction only when there is one (JSON writes this as a number). */
    public static BigDecimal epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond());
        if (instant.getNano() == 0) {
            return seconds;
        }
        return seconds.add(BigDecimal.valueOf(instant.getNano()).divide(NANOS_PER_SECOND)).stripTrailingZeros();
    }

    /** The instant a number of epoch seconds names (fractions beyond nanoseconds are dropped). */
    public static Instant fromEpochSeconds(BigDecimal seconds) {
        try {
            BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).longValue();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw CodecErrors.serialization("timestamp out of range: " + seconds);
        }
    }

    public static Instant parseEpochSeconds(String text) {
        if (text == null || !EPOCH.matcher(text).matches()) {
            throw CodecErrors.serialization("expected epoch seconds but got '" + text + "'");
        }
        return fromEpochSeconds(new BigDecimal(text));
    }

    public static Instant parseDateTime(String text) {
        if (text == null || !DATE_TIME.matcher(text).matches()) {
            throw CodecErrors.serialization("expected an RFC 3339 date-time but got '" + text + "'");
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw CodecErrors.serialization("invalid date-time '" + text + "'");
        }
    }

    public static Instant parseHttpDate(String text) {
        Matcher m = text == null ? null : HTTP_DATE.matcher(text);
        if (m == null || !m.matches()) {
            throw CodecErrors.serialization("expected an HTTP date but got '" + text + "'");
        }
        try {
            int month = MONTHS.indexOf(m.group(3)) / 3 + 1;
            OffsetDateTime time = OffsetDateTime.of(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), 0, ZoneOffset.UTC);
            Instant instant = time.toInstant();
            if (m.group(8) != null) {
                BigDecimal fraction = new BigDecimal("0" + m.group(8));
                instant = instant.plusNanos(fraction.multiply(NANOS_PER_SECOND).longValue());
            }
            return instant;
        } catch (DateTimeException e) {
            throw CodecErrors.serialization("invalid HTTP date '" + text + "'");
        }
    }
}
