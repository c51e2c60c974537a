package io.kasumi.protocol.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REST operation's request URI template, e.g. {@code /{Bucket}/{Key+}?uploads}: path segments
 * that are literals, labels or one greedy label, and literal query keys (with or without a value)
 * a request must carry.
 *
 * @param template the template as the model writes it
 */
public record UriTemplate(String template, List<Segment> segments, Map<String, String> literalQuery) {

    /** One '/'-separated piece of the path template. */
    public sealed interface Segment {
    }

    public record Literal(String text) implements Segment {
    }

    public record Label(String name) implements Segment {
    }

    /** A greedy label ({@code {Key+}}): one or more segments, '/' kept. */
    public record GreedyLabel(String name) implements Segment {
    }

    public static UriTemplate parse(String template) {
        int q = template.indexOf('?');
        String path = q < 0 ? template : template.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : template.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
                }
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (String piece : splitPath(path)) {
            if (piece.startsWith("{") && piece.endsWith("}")) {
                String name = piece.substring(1, piece.length() - 1);
                segments.add(name.endsWith("+") ? new GreedyLabel(name.substring(0, name.length() - 1)) : new Label(name));
            } else {
                segments.add(new Literal(PercentCodec.decode(piece)));
            }
        }
        return new UriTemplate(template, List.copyOf(segments), Collections.unmodifiableMap(query));
    }

    /**
     * Matches a raw (still percent-encoded) path; returns the decoded label values by label name,
     * or null when the path does not fit. A trailing '/' the template lacks is tolerated.
     */
    public Map<String, String> match(String rawPath) {
        List<String> pieces = splitPath(rawPath == null ? "/" : rawPath);
        Map<String, String> labels = new LinkedHashMap<>();
        if (matchFrom(0, pieces, 0, labels)) {
            return labels;
        }
        if (!pieces.isEmpty() && pieces.getLast().isEmpty()) {
            labels.clear();
            if (matchFrom(0, pieces.subList(0, pieces.size() - 1), 0, labels)) {
                return labels;
            }
        }
        return null;
    }

    /** True when the query carries every literal key of the template (with its value, if the template gives one). */
    public boolean queryMatches(Map<String, List<String>> query) {
        for (Map.Entry<String, String> literal : literalQuery.entrySet()) {
            List<String> values = query.get(literal.getKey());
            if (values == null || (literal.getValue() != null && !values.contains(literal.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** Orders templates most specific first: more literal segments, more literal query keys, no greedy label, more segments. */
    public static int compareSpecificity(UriTemplate a, UriTemplate b) {
        int c = Integer.compare(b.count(Literal.class), a.count(Literal.class));
        if (c == 0) {
            c = Integer.compare(b.literalQuery.size(), a.literalQuery.size());
        }
        if (c == 0) {
            c = Integer.compare(a.count(GreedyLabel.class), b.count(GreedyLabel.class));
        }
        if (c == 0) {
            c = Integer.compare(b.segments.size(), a.segments.size());
        }
        return c;
    }

    private int count(Class<? extends Segment> kind) {
        return (int) segments.stream().filter(kind::isInstance).count();
    }

    private boolean matchFrom(int s, List<String> pieces, int p, Map<String, String> labels) {
        if (s == segments.size()) {
            return p == pieces.size();
        }
        if (p >= pieces.size()) {
            return false;
        }
        switch (segments.get(s)) {
            case Literal literal -> {
                return literal.text().equals(PercentCodec.decode(pieces.get(p))) && matchFrom(s + 1, pieces, p + 1, labels);
            }
            case Label label -> {
                if (pieces.get(p).isEmpty()) {
                    return false;
                }
                labels.put(label.name(), PercentCodec.decode(pieces.get(p)));
                return matchFrom(s + 1, pieces, p + 1, labels);
            }
            case GreedyLabel greedy -> {
                int after = segments.size() - s - 1;
                for (int end = pieces.size() - after; end > p; end--) {
                    String raw = String.join("/", pieces.subList(p, end));
                    if (!raw.isEmpty() && matchFrom(s + 1, pieces, end, labels)) {
                        labels.put(greedy.name(), PercentCodec.decode(raw));
                        return true;
                    }
                }
                return false;
            }
        }
    }

    /** "/a/b" -> [a, b]; "/" -> []; "/a/" -> [a, ""]. */
    private static List<String> splitPath(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.split("/", -1));
    }
}
