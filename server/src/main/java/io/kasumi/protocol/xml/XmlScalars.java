package io.kasumi.protocol.xml;

import io.kasumi.api.AwsException;
import io.kasumi.model.Member;
import io.kasumi.model.ShapeType;
import io.kasumi.protocol.codec.ScalarText;
import io.kasumi.protocol.codec.TimestampFormat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Scalars as text in XML documents and query strings: {@link ScalarText} with the protocol's
 * timestamp policy, reporting bad input as {@link MalformedValueException} so each protocol can
 * answer with its own error code.
 *
 * @param defaultTimestamps the format where the model names none (date-time for XML and query)
 * @param alwaysMillis write date-times with exactly three fraction digits, as S3 does
 *     ("2009-10-12T17:50:30.000Z"); otherwise a fraction appears only when non-zero
 */
public record XmlScalars(TimestampFormat defaultTimestamps, boolean alwaysMillis) {
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** awsQuery, ec2 and rest-xml services other than S3. */
    public static final XmlScalars STANDARD = new XmlScalars(TimestampFormat.DATE_TIME, false);

    /** S3's timestamps always carry milliseconds. */
    public static final XmlScalars S3 = new XmlScalars(TimestampFormat.DATE_TIME, true);

    public String format(Member member, Object value) {
        if (value instanceof Instant instant) {
            return formatTimestamp(instant, timestampFormat(member));
        }
        return ScalarText.format(value, defaultTimestamps);
    }

    public String formatTimestamp(Instant instant, TimestampFormat format) {
        return format == TimestampFormat.DATE_TIME && alwaysMillis ? MILLIS.format(instant) : ScalarText.format(instant, format);
    }

    public TimestampFormat timestampFormat(Member member) {
        return TimestampFormat.of(member.effectiveTimestampFormat(), defaultTimestamps);
    }

    /**
     * Reads text as the member's target type. Surrounding whitespace is ignored except in
     * strings, and whitespace inside base64 (line-wrapped blobs) too.
     */
    public Object parse(Member member, String text) {
        ShapeType type = member.target().type();
        String value = switch (type) {
            case STRING, DOCUMENT -> text;
            case BLOB -> text.replaceAll("\\s+", "");
            default -> text.strip();
        };
        try {
            return ScalarText.parse(value, member.target(), timestampFormat(member));
        } catch (AwsException e) {
            throw new MalformedValueException("Invalid value '" + text + "' for " + member.name() + ": " + e.getMessage());
        }
    }
}
