package io.kasumi.codegen.runtime;

import io.kasumi.api.StreamingBody;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The conversions generated records use between their typed components and value trees (see
 * {@code io.kasumi.api.OperationHandler}). Every reader maps null to null, so absent members stay
 * absent; numbers accept any {@link Number} so a codec's choice of boxed type cannot break a record.
 */
public final class ValueTrees {

    private ValueTrees() {
    }

    public static String string(Object value) {
        return (String) value;
    }

    public static Boolean bool(Object value) {
        return (Boolean) value;
    }

    public static Byte int8(Object value) {
        return value == null || value instanceof Byte ? (Byte) value : Byte.valueOf(((Number) value).byteValue());
    }

    public static Short int16(Object value) {
        return value == null || value instanceof Short ? (Short) value : Short.valueOf(((Number) value).shortValue());
    }

    public static Integer int32(Object value) {
        return value == null || value instanceof Integer ? (Integer) value : Integer.valueOf(((Number) value).intValue());
    }

    public static Long int64(Object value) {
        return value == null || value instanceof Long ? (Long) value : Long.valueOf(((Number) value).longValue());
    }

    public static Float float32(Object value) {
        return value == null || value instanceof Float ? (Float) value : Float.valueOf(((Number) value).floatValue());
    }

    public static Double float64(Object value) {
        return value == null || value instanceof Double ? (Double) value : Double.valueOf(((Number) value).doubleValue());
    }

    public static BigInteger bigInteger(Object value) {
        return switch (value) {
            case null -> null;
            case BigInteger big -> big;
            case BigDecimal decimal -> decimal.toBigIntegerExact();
            case Number number -> BigInteger.valueOf(number.longValue());
            default -> throw new ClassCastException("not a number: " + value.getClass().getName());
        };
    }

    public static BigDecimal bigDecimal(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal;
            case BigInteger big -> new BigDecimal(big);
            case Number number -> new BigDecimal(number.toString());
            default -> throw new ClassCastException("not a number: " + value.getClass().getName());
        };
    }

    public static Instant timestamp(Object value) {
        return (Instant) value;
    }

    public static byte[] blob(Object value) {
        return (byte[]) value;
    }

    public static StreamingBody streaming(Object value) {
        return (StreamingBody) value;
    }

    /** Documents stay plain JSON-like values. */
    public static Object document(Object value) {
        return value;
    }

    /** A structure tree read by the record's (or error class's) fromTree. */
    @SuppressWarnings("unchecked")
    public static <T> T structure(Object value, Function<Map<String, Object>, T> fromTree) {
        return value == null ? null : fromTree.apply((Map<String, Object>) value);
    }

    /** A list whose elements the function reads; null elements (sparse lists) stay null. */
    public static <T> List<T> list(Object value, Function<Object, ? extends T> element) {
        if (value == null) {
            return null;
        }
        List<?> source = (List<?>) value;
        List<T> out = new ArrayList<>(source.size());
        for (Object item : source) {
            out.add(item == null ? null : element.apply(item));
        }
        return Collections.unmodifiableList(out);
    }

    /** A map (string keys, in tree order) whose values the function reads. */
    public static <T> Map<String, T> map(Object value, Function<Object, ? extends T> element) {
        if (value == null) {
            return null;
        }
        Map<?, ?> source = (Map<?, ?>) value;
        Map<String, T> out = LinkedHashMap.newLinkedHashMap(source.size());
        source.forEach((key, item) -> out.put((String) key, item == null ? null : element.apply(item)));
        return Collections.unmodifiableMap(out);
    }

    /** An event stream: a lazy stream of union trees, each read as it is pulled. */
    public static <T> Stream<T> eventStream(Object value, Function<Map<String, Object>, T> fromTree) {
        if (value == null) {
            return null;
        }
        Stream<?> source = (Stream<?>) value;
        return source.map(event -> structure(event, fromTree));
    }

    /** The tree of a list whose elements need converting (structures, nested). */
    public static <T> List<Object> listTree(List<T> list, Function<? super T, ?> element) {
        if (list == null) {
            return null;
        }
        List<Object> out = new ArrayList<>(list.size());
        for (T item : list) {
            out.add(item == null ? null : element.apply(item));
        }
        return out;
    }

    /** The tree of a map whose values need converting. */
    public static <T> Map<String, Object> mapTree(Map<String, T> map, Function<? super T, ?> element) {
        if (map == null) {
            return null;
        }
        Map<String, Object> out = LinkedHashMap.newLinkedHashMap(map.size());
        map.forEach((key, item) -> out.put(key, item == null ? null : element.apply(item)));
        return out;
    }

    /** The tree of an event stream: each event converted lazily as the codec pulls it. */
    public static <T> Stream<Object> eventStreamTree(Stream<T> events, Function<? super T, ?> toTree) {
        return events == null ? null : events.<Object>map(toTree);
    }

    /** An operation's output tree; an empty tree when the service returned null. */
    public static <T> Map<String, Object> output(T output, Function<? super T, Map<String, Object>> toTree) {
        return output == null ? new LinkedHashMap<>() : toTree.apply(output);
    }

    /** The output tree of an operation without output. */
    public static Map<String, Object> empty() {
        return new LinkedHashMap<>();
    }
}
