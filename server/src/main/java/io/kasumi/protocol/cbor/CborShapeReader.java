package io.kasumi.protocol.cbor;

import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.codec.CodecErrors;
import io.kasumi.protocol.codec.ModelDefaults;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads CBOR data items into value trees, led by the model: structures by member name, unknown
 * keys skipped, nulls dropped except in sparse collections, numbers widened from any smaller
 * CBOR encoding (half-precision floats included), timestamps from tag 1.
 *
 * <p>Jackson's {@link CBORParser} already joins indefinite-length strings, byte strings, arrays
 * and maps, decodes half floats and big numbers (tags 2, 3 and 4); this class maps its tokens onto
 * shapes and turns anything that does not fit into a {@code SerializationException}.
 */
public final class CborShapeReader {
    private static final int TAG_EPOCH_TIME = 1;

    private final CborTimestampEncoding timestamps;

    public CborShapeReader(CborTimestampEncoding timestamps) {
        this.timestamps = timestamps;
    }

    /** Reads the structure that starts at the parser's next token; members the model defaults are filled in. */
    public Map<String, Object> readStructure(CBORParser parser, StructureShape shape) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw mismatch(shape, token);
        }
        return structure(parser, shape);
    }

    /** Reads the value whose first token is the parser's current token. */
    public Object readValue(CBORParser parser, Shape shape) throws IOException {
        JsonToken token = parser.currentToken();
        if (isNull(parser, token)) {
            return null;
        }
        return switch (shape) {
            case StructureShape structure -> {
                if (token != JsonToken.START_OBJECT) {
                    throw mismatch(shape, token);
                }
                yield structure(parser, structure);
            }
            case ListShape list -> list(parser, list, token);
            case MapShape map -> map(parser, map, token);
            case SimpleShape simple -> scalar(parser, simple, token);
        };
    }

    private Map<String, Object> structure(CBORParser parser, StructureShape shape) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            Member member = shape.member(parser.currentName());
            if (parser.nextToken() == null) {
                throw CodecErrors.serialization("truncated CBOR body");
            }
            if (member == null) {
                parser.skipChildren();
                continue;
            }
            Object value = readValue(parser, member.target());
            if (value != null) {
                values.put(member.name(), value);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw CodecErrors.serialization("truncated CBOR body");
        }
        for (Member member : shape.members().values()) {
            if (!values.containsKey(member.name()) && member.defaultValue() != null) {
                values.put(member.name(), ModelDefaults.of(member));
            }
        }
        return values;
    }

    private List<Object> list(CBORParser parser, ListShape shape, JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw mismatch(shape, token);
        }
        boolean sparse = isSparse(shape);
        List<Object> values = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw CodecErrors.serialization("truncated CBOR body");
            }
            Object value = readValue(parser, shape.member().target());
            if (value != null || sparse) {
                values.add(value);
            }
        }
        return values;
    }

    private Map<String, Object> map(CBORParser parser, MapShape shape, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw mismatch(shape, token);
        }
        boolean sparse = isSparse(shape);
        Map<String, Object> values = new LinkedHashMap<>();
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() == null) {
                throw CodecErrors.serialization("truncated CBOR body");
            }
            Object value = readValue(parser, shape.value().target());
            if (value != null || sparse) {
                values.put(key, value);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw CodecErrors.serialization("truncated CBOR body");
        }
        return values;
    }

    private Object scalar(CBORParser parser, Shape shape, JsonToken token) throws IOException {
        return switch (shape.type()) {
            case STRING -> {
                if (token != JsonToken.VALUE_STRING) {
                    throw mismatch(shape, token);
                }
                yield parser.getText();
            }
            case BOOLEAN -> switch (token) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> throw mismatch(shape, token);
            };
            case BYTE -> (byte) integer(parser, shape, token, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SHORT -> (short) integer(parser, shape, token, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER -> (int) integer(parser, shape, token, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> integer(parser, shape, token, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT -> {
                requireNumber(shape, token);
                yield parser.getFloatValue();
            }
            case DOUBLE -> {
                requireNumber(shape, token);
                yield parser.getDoubleValue();
            }
            case BIG_INTEGER -> {
                if (token != JsonToken.VALUE_NUMBER_INT) {
                    throw mismatch(shape, token);
                }
                yield parser.getBigIntegerValue();
            }
            case BIG_DECIMAL -> {
                requireNumber(shape, token);
                if (parser.isNaN()) {
                    throw invalid(shape, "NaN or Infinity");
                }
                yield parser.getDecimalValue();
            }
            case BLOB -> {
                if (token != JsonToken.VALUE_EMBEDDED_OBJECT) {
                    throw mismatch(shape, token);
                }
                yield parser.getBinaryValue();
            }
            case TIMESTAMP -> timestamp(parser, shape, token);
            case DOCUMENT -> document(parser, token);
            case STRUCTURE, UNION, LIST, MAP -> throw new IllegalStateException("aggregate " + shape.name());
        };
    }

    private static long integer(CBORParser parser, Shape shape, JsonToken token, long min, long max) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw mismatch(shape, token);
        }
        if (parser.getNumberType() == NumberType.BIG_INTEGER) {
            BigInteger big = parser.getBigIntegerValue();
            if (big.bitLength() > 63) {
                throw invalid(shape, big + " is out of range");
            }
        }
        long value = parser.getLongValue();
        if (value < min || value > max) {
            throw invalid(shape, value + " is out of range");
        }
        return value;
    }

    private Instant timestamp(CBORParser parser, Shape shape, JsonToken token) throws IOException {
        requireNumber(shape, token);
        int tag = parser.getCurrentTag();
        if (tag != -1 && tag != TAG_EPOCH_TIME) {
            throw invalid(shape, "timestamps must carry tag 1, not tag " + tag);
        }
        if (parser.isNaN()) {
            throw invalid(shape, "NaN or Infinity is not a timestamp");
        }
        try {
            if (token == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != NumberType.BIG_INTEGER) {
                long whole = parser.getLongValue();
                return timestamps == CborTimestampEncoding.EPOCH_SECONDS
                        ? Instant.ofEpochSecond(whole) : Instant.ofEpochMilli(whole);
            }
            BigDecimal number = parser.getDecimalValue();
            BigDecimal millis = timestamps == CborTimestampEncoding.EPOCH_SECONDS ? number.movePointRight(3) : number;
            // the protocol carries millisecond precision; a double's binary noise below that is dropped
            return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        } catch (ArithmeticException | DateTimeException e) {
            throw invalid(shape, "timestamp out of range");
        }
    }

    private static Object document(CBORParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> values = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    values.put(key, document(parser, parser.currentToken()));
                }
                yield values;
            }
            case START_ARRAY -> {
                List<Object> values = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY && next != null) {
                    values.add(document(parser, next));
                }
                yield values;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_EMBEDDED_OBJECT -> parser.getBinaryValue();
            case VALUE_NULL -> null;
            default -> throw CodecErrors.serialization("unexpected CBOR item " + token);
        };
    }

    private static boolean isNull(CBORParser parser, JsonToken token) {
        // CBOR "undefined" (simple value 23) reads as null, as the protocol requires
        return token == JsonToken.VALUE_NULL || parser.isUndefined();
    }

    private static boolean isSparse(Shape shape) {
        return Boolean.TRUE.equals(shape.raw().get("sparse"));
    }

    private static void requireNumber(Shape shape, JsonToken token) {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw mismatch(shape, token);
        }
    }

    private static RuntimeException mismatch(Shape shape, JsonToken token) {
        return CodecErrors.serialization("expected " + shape.type().name().toLowerCase(Locale.ROOT)
                + " for " + shape.name() + " but found " + describe(token));
    }

    private static RuntimeException invalid(Shape shape, String why) {
        return CodecErrors.serialization("invalid value for " + shape.name() + ": " + why);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_OBJECT -> "a map";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a text string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a float";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_EMBEDDED_OBJECT -> "a byte string";
            default -> token.name();
        };
    }
}
