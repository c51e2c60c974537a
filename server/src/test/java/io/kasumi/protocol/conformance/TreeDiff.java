package io.kasumi.protocol.conformance;

import io.kasumi.api.StreamingBody;
import io.kasumi.model.ListShape;
import io.kasumi.model.Location;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares an expected value tree with the one a codec produced, shape by shape, and lists every
 * difference with its path. Scalars must have the Java type the tree contract names; floats
 * compare by value with NaN equal to NaN; blobs by content.
 *
 * <p>One leniency: where the wire cannot tell "absent" from "empty", a member absent on one side
 * and empty on the other is equal. That is a member bound to headers or the query string (an
 * empty list or map), the HTTP payload (an empty structure, blob or stream), and any member of
 * the form-encoded awsQuery and ec2Query inputs, which write an empty map as nothing at all.
 */
public final class TreeDiff {
    private final List<String> differences = new ArrayList<>();
    private final boolean formEncoded;

    private TreeDiff(boolean formEncoded) {
        this.formEncoded = formEncoded;
    }

    /** The differences between two trees of the structure shape (null shape: both must be empty). */
    public static List<String> of(ConformanceProtocol protocol, StructureShape shape, Map<String, Object> expected,
                                  Map<String, Object> actual) {
        TreeDiff diff = new TreeDiff(protocol == ConformanceProtocol.AWS_QUERY || protocol == ConformanceProtocol.EC2_QUERY);
        if (shape == null) {
            if (actual != null && !actual.isEmpty()) {
                diff.differences.add("$: expected no members, got " + describe(actual));
            }
        } else {
            diff.compare("$", shape, expected, actual);
        }
        return List.copyOf(diff.differences);
    }

    private void compare(String path, Shape shape, Object expected, Object actual) {
        if (expected == null || actual == null) {
            if (expected != actual) {
                differences.add(path + ": expected " + describe(expected) + ", got " + describe(actual));
            }
            return;
        }
        switch (shape) {
            case StructureShape s -> structure(path, s, expected, actual);
            case ListShape l -> list(path, l, expected, actual);
            case MapShape m -> map(path, m, expected, actual);
            case SimpleShape s -> scalar(path, s, expected, actual);
        }
    }

    private void structure(String path, StructureShape shape, Object expected, Object actual) {
        if (!(expected instanceof Map<?, ?> e) || !(actual instanceof Map<?, ?> a)) {
            typeMismatch(path, expected, actual);
            return;
        }
        Set<Object> keys = new LinkedHashSet<>(e.keySet());
        keys.addAll(a.keySet());
        for (Object key : keys) {
            String memberPath = path + "." + key;
            Member member = shape.member(String.valueOf(key));
            if (member == null) {
                differences.add(memberPath + ": not a member of " + shape.name());
                continue;
            }
            Object ev = e.get(key);
            Object av = a.get(key);
            if ((ev == null) != (av == null) && absentMeansEmpty(shape, member) && isEmpty(ev == null ? av : ev)) {
                continue;
            }
            compare(memberPath, member.target(), ev, av);
        }
    }

    private void list(String path, ListShape shape, Object expected, Object actual) {
        if (!(expected instanceof List<?> e) || !(actual instanceof List<?> a)) {
            typeMismatch(path, expected, actual);
            return;
        }
        if (e.size() != a.size()) {
            differences.add(path + ": expected " + e.size() + " elements " + describe(e) + ", got " + a.size() + " " + describe(a));
            return;
        }
        for (int i = 0; i < e.size(); i++) {
            compare(path + "[" + i + "]", shape.member().target(), e.get(i), a.get(i));
        }
    }

    private void map(String path, MapShape shape, Object expected, Object actual) {
        if (!(expected instanceof Map<?, ?> e) || !(actual instanceof Map<?, ?> a)) {
            typeMismatch(path, expected, actual);
            return;
        }
        if (!e.keySet().equals(a.keySet())) {
            differences.add(path + ": expected keys " + e.keySet() + ", got " + a.keySet());
            return;
        }
        for (Object key : e.keySet()) {
            Object ev = e.get(key);
            Object av = a.get(key);
            if (ev == null || av == null) {
                if (ev != av) {
                    differences.add(path + "[" + key + "]: expected " + describe(ev) + ", got " + describe(av));
                }
                continue;
            }
            compare(path + "[" + key + "]", shape.value().target(), ev, av);
        }
    }

    private void scalar(String path, SimpleShape shape, Object expected, Object actual) {
        switch (shape.type()) {
            case BLOB -> {
                byte[] a = actual instanceof StreamingBody body ? readAll(body.stream()) : actual instanceof byte[] b ? b : null;
                if (a == null) {
                    typeMismatch(path, expected, actual);
                } else if (!Arrays.equals((byte[]) expected, a)) {
                    differences.add(path + ": expected bytes " + describe(expected) + ", got " + describe(a));
                }
            }
            case FLOAT, DOUBLE -> {
                if (expected.getClass() != actual.getClass()) {
                    typeMismatch(path, expected, actual);
                } else if (Double.compare(((Number) expected).doubleValue(), ((Number) actual).doubleValue()) != 0) {
                    valueMismatch(path, expected, actual);
                }
            }
            case BIG_DECIMAL -> {
                if (!(actual instanceof BigDecimal a)) {
                    typeMismatch(path, expected, actual);
                } else if (((BigDecimal) expected).compareTo(a) != 0) {
                    valueMismatch(path, expected, actual);
                }
            }
            case DOCUMENT -> {
                if (!documentEquals(expected, actual)) {
                    valueMismatch(path, expected, actual);
                }
            }
            default -> {
                if (expected.getClass() != actual.getClass()) {
                    typeMismatch(path, expected, actual);
                } else if (!expected.equals(actual)) {
                    valueMismatch(path, expected, actual);
                }
            }
        }
    }

    /** Documents are plain JSON values: numbers compare by value whatever their Java type. */
    static boolean documentEquals(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            return e.keySet().equals(a.keySet()) && e.keySet().stream().allMatch(k -> documentEquals(e.get(k), a.get(k)));
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            if (e.size() != a.size()) {
                return false;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!documentEquals(e.get(i), a.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected == null ? actual == null : expected.equals(actual);
    }

    private boolean absentMeansEmpty(StructureShape structure, Member member) {
        return formEncoded || member.location() != Location.BODY || member.name().equals(structure.traits().payload());
    }

    /** Empty collections, blobs and streams; reading an empty stream is harmless. */
    private static boolean isEmpty(Object value) {
        return switch (value) {
            case Collection<?> c -> c.isEmpty();
            case Map<?, ?> m -> m.isEmpty();
            case byte[] b -> b.length == 0;
            case StreamingBody body -> readAll(body.stream()).length == 0;
            default -> false;
        };
    }

    private void typeMismatch(String path, Object expected, Object actual) {
        differences.add(path + ": expected " + typeName(expected) + " " + describe(expected)
                + ", got " + typeName(actual) + " " + describe(actual));
    }

    private void valueMismatch(String path, Object expected, Object actual) {
        differences.add(path + ": expected " + describe(expected) + ", got " + describe(actual));
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    /** A readable rendering of a tree value; bytes show as text. */
    static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case byte[] bytes -> "b\"" + new String(bytes, StandardCharsets.UTF_8) + "\"";
            case String s -> "\"" + s + "\"";
            case Map<?, ?> m -> {
                StringBuilder out = new StringBuilder("{");
                m.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(k).append('=').append(describe(v)));
                yield out.append('}').toString();
            }
            case List<?> l -> l.stream().map(TreeDiff::describe).toList().toString();
            default -> value.toString();
        };
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
