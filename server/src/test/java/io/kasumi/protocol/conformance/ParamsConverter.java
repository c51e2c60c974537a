package io.kasumi.protocol.conformance;

import io.kasumi.api.StreamingBody;
import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;
import software.amazon.smithy.model.node.Node;
import software.amazon.smithy.model.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a test case's {@code params} into the value tree our codecs speak, walking the shape so
 * each scalar gets its Java type. Smithy writes timestamps as epoch seconds, blobs as their UTF-8
 * text, and non-finite floats as the strings "NaN", "Infinity" and "-Infinity".
 */
public final class ParamsConverter {

    /** Whether streaming blobs become {@link StreamingBody} (to serialize) or bytes (to compare). */
    public enum Purpose { SERIALIZE, COMPARE }

    private final Purpose purpose;

    public ParamsConverter(Purpose purpose) {
        this.purpose = purpose;
    }

    /** The params of a structure; an absent shape (no input or output) accepts only empty params. */
    public Map<String, Object> structure(ObjectNode params, StructureShape shape) {
        if (shape == null) {
            if (!params.isEmpty()) {
                throw new IllegalArgumentException("params given for an operation without that shape: " + Node.printJson(params));
            }
            return new LinkedHashMap<>();
        }
        return structureValue(params, shape);
    }

    private Map<String, Object> structureValue(ObjectNode node, StructureShape shape) {
        Map<String, Object> tree = new LinkedHashMap<>();
        node.getStringMap().forEach((name, value) -> {
            Member member = shape.member(name);
            if (member == null) {
                throw new IllegalArgumentException(shape.name() + " has no member " + name);
            }
            if (!value.isNullNode()) {
                tree.put(name, value(value, member.target()));
            }
        });
        return tree;
    }

    Object value(Node node, Shape shape) {
        if (node.isNullNode()) {
            return null;
        }
        return switch (shape) {
            case StructureShape s -> structureValue(node.expectObjectNode(), s);
            case ListShape l -> {
                List<Object> list = new ArrayList<>();
                node.expectArrayNode().getElements().forEach(e -> list.add(value(e, l.member().target())));
                yield list;
            }
            case MapShape m -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.expectObjectNode().getStringMap().forEach((k, v) -> map.put(k, value(v, m.value().target())));
                yield map;
            }
            case SimpleShape s -> scalar(node, s);
        };
    }

    private Object scalar(Node node, SimpleShape shape) {
        return switch (shape.type()) {
            case STRING -> node.expectStringNode().getValue();
            case BOOLEAN -> node.expectBooleanNode().getValue();
            case BYTE -> node.expectNumberNode().getValue().byteValue();
            case SHORT -> node.expectNumberNode().getValue().shortValue();
            case INTEGER -> node.expectNumberNode().getValue().intValue();
            case LONG -> node.expectNumberNode().getValue().longValue();
            case FLOAT -> node.isStringNode() ? (float) nonFinite(node) : node.expectNumberNode().getValue().floatValue();
            case DOUBLE -> node.isStringNode() ? nonFinite(node) : node.expectNumberNode().getValue().doubleValue();
            case BIG_INTEGER -> new BigInteger(numberText(node));
            case BIG_DECIMAL -> new BigDecimal(numberText(node));
            case TIMESTAMP -> timestamp(node);
            case BLOB -> blob(node, shape);
            case DOCUMENT -> document(node);
            default -> throw new IllegalArgumentException("not a scalar: " + shape.type());
        };
    }

    private Object blob(Node node, SimpleShape shape) {
        byte[] bytes = node.expectStringNode().getValue().getBytes(StandardCharsets.UTF_8);
        if (purpose == Purpose.SERIALIZE && shape.traits().streaming()) {
            return new StreamingBody(new ByteArrayInputStream(bytes), bytes.length, null);
        }
        return bytes;
    }

    private static double nonFinite(Node node) {
        return switch (node.expectStringNode().getValue()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw new IllegalArgumentException("not a float: " + node);
        };
    }

    private static String numberText(Node node) {
        return node.isStringNode() ? node.expectStringNode().getValue() : node.expectNumberNode().getValue().toString();
    }

    /** Epoch seconds, possibly fractional, read exactly (a double would lose the milliseconds). */
    static Instant timestamp(Node node) {
        if (node.isStringNode()) {
            return Instant.parse(node.expectStringNode().getValue());
        }
        BigDecimal seconds = new BigDecimal(node.expectNumberNode().getValue().toString());
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    static Object document(Node node) {
        return switch (node.getType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.expectObjectNode().getStringMap().forEach((k, v) -> map.put(k, document(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                node.expectArrayNode().getElements().forEach(e -> list.add(document(e)));
                yield list;
            }
            case STRING -> node.expectStringNode().getValue();
            case NUMBER -> node.expectNumberNode().getValue();
            case BOOLEAN -> node.expectBooleanNode().getValue();
            case NULL -> null;
        };
    }
}
