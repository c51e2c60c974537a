package io.kasumi.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.ShapeType;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.codec.Base64Values;
import io.kasumi.protocol.codec.CodecErrors;
import io.kasumi.protocol.codec.ModelDefaults;
import io.kasumi.protocol.codec.ScalarText;
import io.kasumi.protocol.codec.TimestampFormat;
import io.kasumi.protocol.codec.Timestamps;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Reads JSON documents into value trees, driven by the model and streaming (no intermediate
 * tree). Unknown members are skipped and {@code null} members are absent, then absent members
 * with a model default get that default (as a Smithy server does); a null item of a
 * list or map that is not sparse, a value of the wrong
 * JSON type, a number out of range or bad base64 is a {@code SerializationException}.
 *
 * <p>Timestamps default to epoch seconds (a JSON number); a member's timestampFormat may ask for
 * a date-time or http-date string. Floats and doubles accept "NaN", "Infinity" and "-Infinity".
 * Thread-safe; it caches each structure's wire-name index.
 */
public final class JsonBodyReader {
    private final Map<StructureShape, Map<String, Member>> wireNames = new ConcurrentHashMap<>();

    /**
     * Reads a whole body as the structure {@code shape}, keeping the members {@code include}
     * accepts; an empty body is an empty structure. Anything after the object is malformed.
     */
    public Map<String, Object> readBody(byte[] body, StructureShape shape, Predicate<Member> include) {
        if (isBlank(body)) {
            Map<String, Object> values = new LinkedHashMap<>();
            ModelDefaults.fillAbsent(shape, values, include);
            return values;
        }
        try (JsonParser parser = JsonFormat.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw CodecErrors.serialization("the request body must be a JSON object");
            }
            Map<String, Object> values = readStructure(parser, shape, include);
            if (parser.nextToken() != null) {
                throw CodecErrors.serialization("unexpected content after the JSON object");
            }
            return values;
        } catch (StreamConstraintsException e) {
            throw CodecErrors.serialization("the JSON document exceeds a limit: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CodecErrors.serialization("malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Reads a whole body as one value of {@code shape} (an HTTP payload member); an empty body is null. */
    public Object readPayload(byte[] body, Shape shape) {
        if (isBlank(body)) {
            return null;
        }
        try (JsonParser parser = JsonFormat.FACTORY.createParser(body)) {
            parser.nextToken();
            Object value = readValue(parser, shape, null);
            if (parser.nextToken() != null) {
                throw CodecErrors.serialization("unexpected content after the JSON value");
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw CodecErrors.serialization("the JSON document exceeds a limit: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CodecErrors.serialization("malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Reads one value of {@code shape} starting at the parser's current token. */
    public Object readValue(JsonParser parser, Shape shape, String timestampFormat) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (shape.type()) {
            case STRUCTURE, UNION -> {
                expect(token == JsonToken.START_OBJECT, shape);
                yield readStructure(parser, (StructureShape) shape, m -> true);
            }
            case LIST -> readList(parser, (ListShape) shape);
            case MAP -> readMap(parser, (MapShape) shape);
            case STRING -> {
                expect(token == JsonToken.VALUE_STRING, shape);
                yield parser.getText();
            }
            case BOOLEAN -> {
                expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE, shape);
                yield token == JsonToken.VALUE_TRUE;
            }
            case BYTE -> (byte) integral(parser, shape, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SHORT -> (short) integral(parser, shape, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER -> (int) integral(parser, shape, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> integral(parser, shape, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT -> (float) floating(parser, shape);
            case DOUBLE -> floating(parser, shape);
            case BIG_INTEGER -> {
                expect(token == JsonToken.VALUE_NUMBER_INT, shape);
                yield parser.getBigIntegerValue();
            }
            case BIG_DECIMAL -> {
                expect(token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT, shape);
                yield parser.getDecimalValue();
            }
            case TIMESTAMP -> timestamp(parser, shape, timestampFormat);
            case BLOB -> {
                expect(token == JsonToken.VALUE_STRING, shape);
                yield Base64Values.decode(parser.getText());
            }
            case DOCUMENT -> readDocument(parser);
        };
    }

    private Map<String, Object> readStructure(JsonParser parser, StructureShape shape, Predicate<Member> include) throws IOException {
        Map<String, Member> index = wireNames.computeIfAbsent(shape, JsonBodyReader::indexByWireName);
        Map<String, Object> values = new LinkedHashMap<>();
        boolean union = shape.type() == ShapeType.UNION;
        int fields = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            Member member = index.get(name);
            if (union && !"__type".equals(name) && token != JsonToken.VALUE_NULL) {
                fields++;
                if (member == null) {
                    throw CodecErrors.serialization("unknown member " + name + " of union " + shape.name());
                }
            }
            if (member == null || token == JsonToken.VALUE_NULL || !include.test(member)) {
                parser.skipChildren();
                continue;
            }
            values.put(member.name(), readValue(parser, member.target(), member.effectiveTimestampFormat()));
        }
        if (union && fields != 1) {
            throw CodecErrors.serialization("union " + shape.name() + " must have exactly one member set");
        }
        ModelDefaults.fillAbsent(shape, values, include);
        return values;
    }

    private List<Object> readList(JsonParser parser, ListShape shape) throws IOException {
        expect(parser.currentToken() == JsonToken.START_ARRAY, shape);
        Member item = shape.member();
        boolean sparse = isSparse(shape);
        List<Object> values = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_NULL) {
                requireSparse(sparse, shape);
                values.add(null);
                continue;
            }
            values.add(readValue(parser, item.target(), item.effectiveTimestampFormat()));
        }
        return values;
    }

    private Map<String, Object> readMap(JsonParser parser, MapShape shape) throws IOException {
        expect(parser.currentToken() == JsonToken.START_OBJECT, shape);
        Member value = shape.value();
        boolean sparse = isSparse(shape);
        Map<String, Object> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                requireSparse(sparse, shape);
                values.put(key, null);
                continue;
            }
            values.put(key, readValue(parser, value.target(), value.effectiveTimestampFormat()));
        }
        return values;
    }

    /** A document as plain values: Map, List, String, Number, Boolean or null. */
    static Object readDocument(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    map.put(key, readDocument(parser));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readDocument(parser));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw CodecErrors.serialization("unexpected JSON token " + parser.currentToken());
        };
    }

    private static long integral(JsonParser parser, Shape shape, long min, long max) throws IOException {
        expect(parser.currentToken() == JsonToken.VALUE_NUMBER_INT, shape);
        BigInteger value = parser.getBigIntegerValue();
        if (value.bitLength() > 63 || value.longValue() < min || value.longValue() > max) {
            throw CodecErrors.serialization("number out of range for " + shape.name() + ": " + value);
        }
        return value.longValue();
    }

    private static double floating(JsonParser parser, Shape shape) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
                return ScalarText.parseDouble(text);
            }
        }
        expect(token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT, shape);
        return parser.getDoubleValue();
    }

    private static Object timestamp(JsonParser parser, Shape shape, String modelFormat) throws IOException {
        TimestampFormat format = TimestampFormat.of(modelFormat, TimestampFormat.EPOCH_SECONDS);
        JsonToken token = parser.currentToken();
        if (format == TimestampFormat.EPOCH_SECONDS) {
            expect(token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT, shape);
            BigDecimal seconds = parser.getDecimalValue();
            return Timestamps.fromEpochSeconds(seconds);
        }
        expect(token == JsonToken.VALUE_STRING, shape);
        return Timestamps.parse(parser.getText(), format);
    }

    private static Map<String, Member> indexByWireName(StructureShape shape) {
        Map<String, Member> index = new LinkedHashMap<>();
        shape.members().values().forEach(m -> index.put(m.wireName(), m));
        return index;
    }

    static boolean isSparse(Shape shape) {
        return Boolean.TRUE.equals(shape.raw().get("sparse"));
    }

    private static void requireSparse(boolean sparse, Shape shape) {
        if (!sparse) {
            throw CodecErrors.serialization("null is not allowed in " + shape.name());
        }
    }

    private static void expect(boolean ok, Shape shape) {
        if (!ok) {
            throw CodecErrors.serialization("expected a " + shape.type().name().toLowerCase() + " for " + shape.name());
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
