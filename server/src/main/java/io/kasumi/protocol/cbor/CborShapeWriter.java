package io.kasumi.protocol.cbor;

import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.kasumi.api.AwsException;
import io.kasumi.api.StreamingBody;
import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.codec.ModelDefaults;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes value trees as CBOR, led by the model: structures as maps keyed by member name in model
 * order (absent and null members left out, model defaults filled in), each number in the width
 * its shape names (minimal-length integers, single- or double-precision floats), blobs as byte
 * strings, big numbers as tags 2/3/4, timestamps under tag 1.
 */
public final class CborShapeWriter {
    private static final int TAG_EPOCH_TIME = 1;

    private final CborTimestampEncoding timestamps;

    public CborShapeWriter(CborTimestampEncoding timestamps) {
        this.timestamps = timestamps;
    }

    /** Writes a structure; members targeting an event stream are left to the event-stream framing. */
    public void writeStructure(CBORGenerator out, StructureShape shape, Map<String, ?> values) throws IOException {
        out.writeStartObject();
        for (Member member : shape.members().values()) {
            if (member.target().traits().eventStream()) {
                continue;
            }
            Object value = values.get(member.name());
            if (value == null) {
                value = ModelDefaults.of(member);
            }
            if (value != null) {
                out.writeFieldName(member.name());
                writeValue(out, member.target(), value);
            }
        }
        out.writeEndObject();
    }

    public void writeValue(CBORGenerator out, Shape shape, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        switch (shape) {
            case StructureShape structure -> writeStructure(out, structure, asMap(shape, value));
            case ListShape list -> {
                out.writeStartArray();
                boolean sparse = isSparse(list);
                for (Object element : asList(shape, value)) {
                    if (element != null || sparse) {
                        writeValue(out, list.member().target(), element);
                    }
                }
                out.writeEndArray();
            }
            case MapShape map -> {
                out.writeStartObject();
                boolean sparse = isSparse(map);
                for (Map.Entry<String, ?> entry : asMap(shape, value).entrySet()) {
                    if (entry.getValue() != null || sparse) {
                        out.writeFieldName(entry.getKey());
                        writeValue(out, map.value().target(), entry.getValue());
                    }
                }
                out.writeEndObject();
            }
            case SimpleShape simple -> writeScalar(out, simple, value);
        }
    }

    private void writeScalar(CBORGenerator out, SimpleShape shape, Object value) throws IOException {
        switch (shape.type()) {
            case STRING -> out.writeString(value.toString());
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case BYTE, SHORT, INTEGER -> out.writeNumber(number(shape, value).intValue());
            case LONG -> out.writeNumber(number(shape, value).longValue());
            case FLOAT -> out.writeNumber(number(shape, value).floatValue());
            case DOUBLE -> out.writeNumber(number(shape, value).doubleValue());
            case BIG_INTEGER -> out.writeNumber(value instanceof BigInteger big ? big
                    : new BigDecimal(number(shape, value).toString()).toBigIntegerExact());
            case BIG_DECIMAL -> out.writeNumber(value instanceof BigDecimal big ? big
                    : new BigDecimal(number(shape, value).toString()));
            case BLOB -> out.writeBinary(bytes(shape, value));
            case TIMESTAMP -> writeTimestamp(out, shape, value);
            case DOCUMENT -> writeDocument(out, value);
            case STRUCTURE, UNION, LIST, MAP -> throw new IllegalStateException("aggregate " + shape.name());
        }
    }

    private void writeTimestamp(CBORGenerator out, Shape shape, Object value) throws IOException {
        if (!(value instanceof Instant instant)) {
            throw wrongType(shape, value);
        }
        out.writeTag(TAG_EPOCH_TIME);
        long millis = instant.toEpochMilli();
        if (timestamps == CborTimestampEncoding.EPOCH_MILLIS) {
            out.writeNumber(millis);
        } else {
            // AWS writes epoch seconds as a double-precision float, with millisecond precision
            out.writeNumber(millis / 1000.0);
        }
    }

    /** Writes a document (plain Map/List/String/Number/Boolean/byte[] values); RPC v2 CBOR has no document shapes, so this serves unmodeled error fields. */
    public void writeDocument(CBORGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.writeFieldName(String.valueOf(entry.getKey()));
                    writeDocument(out, entry.getValue());
                }
                out.writeEndObject();
            }
            case List<?> list -> {
                out.writeStartArray();
                for (Object element : list) {
                    writeDocument(out, element);
                }
                out.writeEndArray();
            }
            case String text -> out.writeString(text);
            case Boolean bool -> out.writeBoolean(bool);
            case Integer i -> out.writeNumber(i);
            case Long l -> out.writeNumber(l);
            case Short s -> out.writeNumber(s);
            case Byte b -> out.writeNumber(b);
            case Float f -> out.writeNumber(f);
            case Double d -> out.writeNumber(d);
            case BigInteger big -> out.writeNumber(big);
            case BigDecimal big -> out.writeNumber(big);
            case byte[] bytes -> out.writeBinary(bytes);
            default -> out.writeString(value.toString());
        }
    }

    private static byte[] bytes(Shape shape, Object value) throws IOException {
        return switch (value) {
            case byte[] bytes -> bytes;
            case StreamingBody body -> {
                try (InputStream in = body.stream()) {
                    yield in.readAllBytes();
                }
            }
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            default -> throw wrongType(shape, value);
        };
    }

    private static Number number(Shape shape, Object value) {
        if (value instanceof Number n) {
            return n;
        }
        throw wrongType(shape, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Shape shape, Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        throw wrongType(shape, value);
    }

    private static List<?> asList(Shape shape, Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw wrongType(shape, value);
    }

    private static boolean isSparse(Shape shape) {
        return Boolean.TRUE.equals(shape.raw().get("sparse"));
    }

    private static AwsException wrongType(Shape shape, Object value) {
        return AwsException.internal("cannot write " + value.getClass().getSimpleName() + " as " + shape.name());
    }
}
