package io.kasumi.protocol.codec;

import io.kasumi.model.Shape;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Scalars written as text: header values, query parameters, URI labels, XML and form values.
 * Parsing is strict (no "1.0" for an integer, no "yes" for a boolean, no hex) and throws
 * {@code SerializationException}; floats accept "NaN", "Infinity" and "-Infinity".
 */
public final class ScalarText {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private ScalarText() {
    }

    /**
     * Parses the text form of a scalar of {@code shape}.
     *
     * @param timestampFormat the format timestamps are in here (the member's, else the location's default)
     */
    public static Object parse(String text, Shape shape, TimestampFormat timestampFormat) {
        return switch (shape.type()) {
            case STRING -> text;
            case BOOLEAN -> parseBoolean(text);
            case BYTE -> (byte) parseIntegral(text, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SHORT -> (short) parseIntegral(text, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER -> (int) parseIntegral(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> parseIntegral(text, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT -> (float) parseDouble(text);
            case DOUBLE -> parseDouble(text);
            case BIG_INTEGER -> {
                requireMatch(INTEGER, text, "an integer");
                yield new BigInteger(text);
            }
            case BIG_DECIMAL -> {
                requireMatch(DECIMAL, text, "a number");
                yield new BigDecimal(text);
            }
            case TIMESTAMP -> Timestamps.parse(text, timestampFormat);
            case BLOB -> Base64Values.decode(text);
            case DOCUMENT -> text;
            default -> throw CodecErrors.serialization("a " + shape.type() + " cannot be written as text");
        };
    }

    /** The text form of a scalar value; blobs become base64, timestamps use {@code timestampFormat}. */
    public static String format(Object value, TimestampFormat timestampFormat) {
        return switch (value) {
            case String s -> s;
            case Instant instant -> Timestamps.format(instant, timestampFormat);
            case byte[] bytes -> Base64Values.encode(bytes);
            case Double d -> formatDouble(d);
            case Float f -> f.isNaN() || f.isInfinite() ? formatDouble(f) : Float.toString(f);
            case BigDecimal d -> d.toPlainString();
            case Boolean b -> b.toString();
            case Number n -> n.toString();
            default -> String.valueOf(value);
        };
    }

    public static boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw CodecErrors.serialization("expected true or false but got '" + text + "'");
        };
    }

    public static long parseIntegral(String text, long min, long max) {
        requireMatch(INTEGER, text, "an integer");
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw CodecErrors.serialization("number out of range: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw CodecErrors.serialization("number out of range: " + text);
        }
    }

    public static double parseDouble(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                requireMatch(DECIMAL, text, "a number");
                yield Double.parseDouble(text);
            }
        };
    }

    /** A double in its shortest round-tripping form, with NaN and the infinities spelled as AWS spells them. */
    public static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(d);
    }

    /** UTF-8 text of bytes; for string payloads and jsonValue headers. */
    public static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void requireMatch(Pattern pattern, String text, String what) {
        if (text == null || !pattern.matcher(text).matches()) {
            throw CodecErrors.serialization("expected " + what + " but got '" + text + "'");
        }
    }
}
