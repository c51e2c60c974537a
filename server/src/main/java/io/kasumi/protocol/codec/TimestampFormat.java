package io.kasumi.protocol.codec;

import java.util.Locale;

/** The three wire forms of a timestamp, under their Smithy and botocore names. */
public enum TimestampFormat {
    /** Seconds since the epoch with optional fraction (botocore "unixTimestamp"). */
    EPOCH_SECONDS,
    /** RFC 3339 date-time (botocore "iso8601"). */
    DATE_TIME,
    /** IMF-fixdate, e.g. "Tue, 29 Apr 2014 18:30:38 GMT" (botocore "rfc822"). */
    HTTP_DATE;

    /** The format a model names, or {@code fallback} when the name is null. */
    public static TimestampFormat of(String modelName, TimestampFormat fallback) {
        if (modelName == null) {
            return fallback;
        }
        return switch (modelName.toLowerCase(Locale.ROOT)) {
            case "unixtimestamp", "epoch-seconds" -> EPOCH_SECONDS;
            case "iso8601", "date-time" -> DATE_TIME;
            case "rfc822", "http-date" -> HTTP_DATE;
            default -> throw new IllegalArgumentException("unknown timestamp format " + modelName);
        };
    }
}
