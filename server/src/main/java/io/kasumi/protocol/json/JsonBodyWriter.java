package io.kasumi.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.kasumi.api.StreamingBody;
import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.ShapeType;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.codec.Base64Values;
import io.kasumi.protocol.codec.ModelDefaults;
import io.kasumi.protocol.codec.TimestampFormat;
import io.kasumi.protocol.codec.Timestamps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Writes value trees as JSON, driven by the model: wire names, epoch-second timestamps unless the
 * model says otherwise, base64 blobs, "NaN"/"Infinity"/"-Infinity" strings for non-finite
 * floats; absent and null structure members are left out unless the model gives them a default
 * (written then, as a Smithy server does), nulls kept only in sparse collections.
 */
public final class JsonBodyWriter {
    private JsonBodyWriter() {
    }

    /** The structure as a JSON object, with the members {@code include} accepts. */
    public static byte[] write(StructureShape shape, Map<String, Object> values, Predicate<Member> include) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JsonFormat.FACTORY.createGenerator(out)) {
            writeStructure(generator, shape, values, include);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static void writeStructure(JsonGenerator generator, StructureShape shape, Map<String, Object> values,
                                      Predicate<Member> include) throws IOException {
        generator.writeStartObject();
        writeMembers(generator, shape, values, include);
        generator.writeEndObject();
    }

    /** Writes the structure's present or defaulted members as fields of the object the generator is in. */
    public static void writeMembers(JsonGenerator generator, StructureShape shape, Map<String, Object> values,
                                    Predicate<Member> include) throws IOException {
        boolean union = shape.type() == ShapeType.UNION;
        for (Member member : shape.members().values()) {
            Object value = values.get(member.name());
            if (value == null && !union) {
                value = ModelDefaults.of(member);
            }
            if (value != null && include.test(member)) {
                generator.writeFieldName(member.wireName());
                writeValue(generator, member.target(), member.effectiveTimestampFormat(), value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    public static void writeValue(JsonGenerator generator, Shape shape, String timestampFormat, Object value) throws IOException {
        switch (shape.type()) {
            case STRUCTURE, UNION -> writeStructure(generator, (StructureShape) shape, (Map<String, Object>) value, m -> true);
            case LIST -> writeList(generator, (ListShape) shape, (List<Object>) value);
            case MAP -> writeMap(generator, (MapShape) shape, (Map<String, Object>) value);
            case STRING -> generator.writeString(value.toString());
            case BOOLEAN -> generator.writeBoolean((Boolean) value);
            case BYTE, SHORT, INTEGER -> generator.writeNumber(((Number) value).intValue());
            case LONG -> generator.writeNumber(((Number) value).longValue());
            case FLOAT -> writeFloating(generator, value instanceof Float f ? f : ((Number) value).floatValue());
            case DOUBLE -> writeFloating(generator, ((Number) value).doubleValue());
            case BIG_INTEGER -> generator.writeNumber(value instanceof BigInteger b ? b : new BigInteger(value.toString()));
            case BIG_DECIMAL -> generator.writeNumber(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
            case TIMESTAMP -> writeTimestamp(generator, (Instant) value, timestampFormat);
            case BLOB -> generator.writeString(Base64Values.encode(bytes(value)));
            case DOCUMENT -> writeDocument(generator, value);
        }
    }

    private static void writeList(JsonGenerator generator, ListShape shape, List<Object> values) throws IOException {
        Member item = shape.member();
        generator.writeStartArray();
        for (Object value : values) {
            if (value != null) {
                writeValue(generator, item.target(), item.effectiveTimestampFormat(), value);
            } else if (JsonBodyReader.isSparse(shape)) {
                generator.writeNull();
            }
        }
        generator.writeEndArray();
    }

    private static void writeMap(JsonGenerator generator, MapShape shape, Map<String, Object> values) throws IOException {
        Member valueMember = shape.value();
        generator.writeStartObject();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getValue() != null) {
                generator.writeFieldName(entry.getKey());
                writeValue(generator, valueMember.target(), valueMember.effectiveTimestampFormat(), entry.getValue());
            } else if (JsonBodyReader.isSparse(shape)) {
                generator.writeFieldName(entry.getKey());
                generator.writeNull();
            }
        }
        generator.writeEndObject();
    }

    private static void writeFloating(JsonGenerator generator, float value) throws IOException {
        if (Float.isFinite(value)) {
            generator.writeNumber(value);
        } else {
            writeNonFinite(generator, value);
        }
    }

    private static void writeFloating(JsonGenerator generator, double value) throws IOException {
        if (Double.isFinite(value)) {
            generator.writeNumber(value);
        } else {
            writeNonFinite(generator, value);
        }
    }

    private static void writeNonFinite(JsonGenerator generator, double value) throws IOException {
        generator.writeString(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    private static void writeTimestamp(JsonGenerator generator, Instant instant, String modelFormat) throws IOException {
        TimestampFormat format = TimestampFormat.of(modelFormat, TimestampFormat.EPOCH_SECONDS);
        if (format != TimestampFormat.EPOCH_SECONDS) {
            generator.writeString(Timestamps.format(instant, format));
        } else if (instant.getNano() == 0) {
            generator.writeNumber(instant.getEpochSecond());
        } else {
            generator.writeNumber(Timestamps.epochSeconds(instant));
        }
    }

    /** A document: plain JSON-like values. */
    @SuppressWarnings("unchecked")
    static void writeDocument(JsonGenerator generator, Object value) throws IOException {
        switch (value) {
            case null -> generator.writeNull();
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    generator.writeFieldName(String.valueOf(entry.getKey()));
                    writeDocument(generator, entry.getValue());
                }
                generator.writeEndObject();
            }
            case List<?> list -> {
                generator.writeStartArray();
                for (Object item : list) {
                    writeDocument(generator, item);
                }
                generator.writeEndArray();
            }
            case String s -> generator.writeString(s);
            case Boolean b -> generator.writeBoolean(b);
            case Integer i -> generator.writeNumber(i);
            case Long l -> generator.writeNumber(l);
            case Short s -> generator.writeNumber(s);
            case Byte b -> generator.writeNumber(b);
            case Double d -> writeFloating(generator, d);
            case Float f -> writeFloating(generator, f);
            case BigInteger b -> generator.writeNumber(b);
            case BigDecimal d -> generator.writeNumber(d);
            case Instant instant -> writeTimestamp(generator, instant, null);
            default -> generator.writeString(value.toString());
        }
    }

    private static byte[] bytes(Object value) {
        return switch (value) {
            case byte[] bytes -> bytes;
            case StreamingBody body -> {
                try (var in = body.stream()) {
                    yield in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            default -> value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }
}
