package io.kasumi.protocol.query;

import io.kasumi.protocol.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parameters of a query-protocol request: the URL query string merged with a form body,
 * sorted so that every key under a prefix ("Tags.member.") is one range scan away.
 */
final class QueryParameters {
    private final NavigableMap<String, String> values;

    private QueryParameters(NavigableMap<String, String> values) {
        this.values = values;
    }

    /** Reads the request's query string and, for a form (or untyped POST) body, the body. */
    static QueryParameters of(HttpRequest request) {
        NavigableMap<String, String> values = new TreeMap<>();
        try {
            putFirst(values, request.queryParameters());
            if (hasFormBody(request)) {
                putFirst(values, HttpRequest.parseForm(new String(request.bodyBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IllegalArgumentException e) {
            throw QueryErrors.malformedQueryString(e.getMessage());
        }
        return new QueryParameters(values);
    }

    private static boolean hasFormBody(HttpRequest request) {
        String contentType = request.headers().first("Content-Type");
        if (contentType == null) {
            return !"GET".equalsIgnoreCase(request.method()) && !"HEAD".equalsIgnoreCase(request.method());
        }
        return contentType.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
    }

    private static void putFirst(Map<String, String> into, Map<String, List<String>> from) {
        from.forEach((key, list) -> {
            if (!list.isEmpty()) {
                into.put(key, list.getFirst());
            }
        });
    }

    String get(String key) {
        return values.get(key);
    }

    /** Whether any parameter starts with the prefix. */
    boolean hasPrefix(String prefix) {
        String next = values.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /** The numeric segments N of keys "prefix.N" and "prefix.N.more", in ascending order. */
    SortedSet<Integer> indices(String prefix) {
        String start = prefix + ".";
        SortedSet<Integer> indices = new TreeSet<>();
        for (String key : values.tailMap(start, true).keySet()) {
            if (!key.startsWith(start)) {
                break;
            }
            int end = key.indexOf('.', start.length());
            String segment = key.substring(start.length(), end < 0 ? key.length() : end);
            if (!segment.isEmpty() && segment.length() < 10 && segment.chars().allMatch(Character::isDigit)) {
                indices.add(Integer.parseInt(segment));
            }
        }
        return indices;
    }
}
