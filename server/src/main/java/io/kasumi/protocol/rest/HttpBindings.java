package io.kasumi.protocol.rest;

import io.kasumi.model.ListShape;
import io.kasumi.model.Location;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.Shape;
import io.kasumi.model.ShapeType;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.codec.Base64Values;
import io.kasumi.protocol.codec.ScalarText;
import io.kasumi.protocol.codec.TimestampFormat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP bindings of a REST service model (rest-json, rest-xml): which operation a request
 * names (method + URI template + literal query keys + the operation's {@link RequestMatch},
 * most specific first), the input members
 * bound to URI labels, query parameters, headers, prefix headers and host labels, and the
 * output/error members bound to headers and the status code. Body members are left to the
 * protocol's document codec (see {@link #isBodyMember}).
 *
 * <p>Build one per model (it precomputes the route table) and keep it in a
 * {@link HttpBindingsCache} owned by the codec. Immutable and thread-safe.
 *
 * <p>Default timestamp formats: http-date in headers, date-time in query strings and labels;
 * a member's or shape's {@code timestampFormat} overrides them. Malformed values answer
 * {@code SerializationException} (400).
 */
public final class HttpBindings {
    private final Map<String, List<Route>> routesByMethod;
    private final Map<String, Route> routesByOperation;

    /** An operation with its parsed URI template, host prefix and further request requirements. */
    public record Route(Operation operation, UriTemplate template, HostPrefix hostPrefix, RequestMatch requires) {
        boolean deprecated() {
            return Boolean.TRUE.equals(operation.raw().get("deprecated"));
        }
    }

    /**
     * Most specific first: by template, then by further requirements; among routes that still
     * tie (S3's GetBucketLifecycle and GetBucketLifecycleConfiguration share one wire form) the
     * deprecated one loses, then the name decides so the order never depends on the model's.
     */
    private static final Comparator<Route> SPECIFICITY = Comparator
            .comparing(Route::template, UriTemplate::compareSpecificity)
            .thenComparing(route -> route.requires().size(), Comparator.reverseOrder())
            .thenComparing(Route::deprecated)
            .thenComparing(route -> route.operation().name());

    public HttpBindings(ServiceModel model) {
        Map<String, List<Route>> byMethod = new HashMap<>();
        Map<String, Route> byOperation = new HashMap<>();
        for (Operation operation : model.operations().values()) {
            Route route = new Route(operation, UriTemplate.parse(operation.requestUri()), HostPrefix.parse(operation.hostPrefix()),
                    RequestMatch.of(operation));
            byMethod.computeIfAbsent(operation.httpMethod().toUpperCase(Locale.ROOT), m -> new ArrayList<>()).add(route);
            byOperation.put(operation.name(), route);
        }
        byMethod.values().forEach(routes -> routes.sort(SPECIFICITY));
        byMethod.replaceAll((method, routes) -> List.copyOf(routes));
        this.routesByMethod = Map.copyOf(byMethod);
        this.routesByOperation = Map.copyOf(byOperation);
    }

    /** The most specific operation whose method, path, literal query keys and requirements fit the request. */
    public Optional<Operation> match(HttpRequest request) {
        return match(request, request.rawPath());
    }

    /**
     * As {@link #match(HttpRequest)}, routing by {@code rawPath} instead of the request's own
     * path (S3's virtual-hosted requests are routed as the path-style path they stand for).
     */
    public Optional<Operation> match(HttpRequest request, String rawPath) {
        List<Route> routes = routesByMethod.getOrDefault(request.method().toUpperCase(Locale.ROOT), List.of());
        for (Route route : routes) {
            if (route.template().queryMatches(request.queryParameters()) && route.requires().matches(request)
                    && route.template().match(rawPath) != null) {
                return Optional.of(route.operation());
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the operation's input members bound outside the body: URI labels, query parameters
     * (QUERY members, and a QUERY_PARAMS map that receives every parameter, bound or not, as
     * Smithy's httpQueryParams requires),
     * headers, prefix headers and host labels. Returns a mutable map by member name.
     */
    public Map<String, Object> readRequestBindings(Operation operation, HttpRequest request) {
        return readRequestBindings(operation, request, request.rawPath());
    }

    /** As {@link #readRequestBindings(Operation, HttpRequest)}, reading URI labels from {@code rawPath}. */
    public Map<String, Object> readRequestBindings(Operation operation, HttpRequest request, String rawPath) {
        Map<String, Object> values = new LinkedHashMap<>();
        StructureShape input = operation.input();
        if (input == null) {
            return values;
        }
        Route route = routesByOperation.get(operation.name());
        Map<String, String> labels = route == null ? null : route.template().match(rawPath);
        Set<String> boundHeaders = new HashSet<>();
        for (Member member : input.members().values()) {
            if (member.location() == Location.HEADER) {
                boundHeaders.add(member.wireName().toLowerCase(Locale.ROOT));
            }
        }
        for (Member member : input.members().values()) {
            Object value = switch (member.location()) {
                case URI -> labels == null ? null : readLabel(member, labels.get(member.wireName()));
                case QUERY -> readQuery(member, request.queryParameters().get(member.wireName()));
                case QUERY_PARAMS -> readQueryMap(member, request.queryParameters());
                case HEADER -> readHeader(member, request.headers().all(member.wireName()));
                case PREFIX_HEADERS -> readPrefixHeaders(member, request.headers(), boundHeaders);
                case BODY, STATUS_CODE -> null;
            };
            if (value != null) {
                values.put(member.name(), value);
            }
        }
        if (route != null && route.hostPrefix() != null && request.host() != null) {
            route.hostPrefix().labels(request.host()).forEach((label, text) -> {
                Member member = input.member(label);
                if (member != null && member.hostLabel() && !values.containsKey(member.name())) {
                    values.put(member.name(), text);
                }
            });
        }
        return values;
    }

    /** True for members serialized in the body (or payload) by the document codec. */
    public static boolean isBodyMember(Member member) {
        return member.location() == Location.BODY;
    }

    /** The members of a structure bound to the body, in model order. */
    public static List<Member> bodyMembers(StructureShape shape) {
        return shape.members().values().stream().filter(HttpBindings::isBodyMember).toList();
    }

    /** Writes HEADER and PREFIX_HEADERS members of an output or error structure into response headers. */
    public static void writeHeaders(StructureShape shape, Map<String, Object> values, HttpHeaders headers) {
        for (Member member : shape.members().values()) {
            Object value = values.get(member.name());
            if (value == null) {
                continue;
            }
            if (member.location() == Location.HEADER) {
                String text = headerText(member, value);
                if (text != null) {
                    headers.set(member.wireName(), text);
                }
            } else if (member.location() == Location.PREFIX_HEADERS && value instanceof Map<?, ?> map) {
                Member valueMember = ((MapShape) member.target()).value();
                String prefix = member.wireName();
                map.forEach((key, item) -> {
                    if (item != null) {
                        headers.set(prefix + key, headerText(valueMember, item));
                    }
                });
            }
        }
    }

    /** The status code bound by a STATUS_CODE member, else {@code fallback}. */
    public static int statusCode(StructureShape shape, Map<String, Object> values, int fallback) {
        for (Member member : shape.members().values()) {
            if (member.location() == Location.STATUS_CODE && values.get(member.name()) instanceof Number status) {
                return status.intValue();
            }
        }
        return fallback;
    }

    /** The text of a header-bound value: lists comma-joined, timestamps http-date unless the model says otherwise. */
    public static String headerText(Member member, Object value) {
        if (value instanceof List<?> list && member.target() instanceof ListShape listShape) {
            Member item = listShape.member();
            List<String> texts = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element != null) {
                    texts.add(scalarHeaderText(item, element));
                }
            }
            return joinHeaderList(item, texts);
        }
        return scalarHeaderText(member, value);
    }

    private static String joinHeaderList(Member item, List<String> texts) {
        // http-dates contain a comma by design; they are never quoted
        if (item.target().type() == ShapeType.TIMESTAMP) {
            return String.join(", ", texts);
        }
        return item.target().type() == ShapeType.STRING ? HeaderLists.join(texts) : String.join(", ", texts);
    }

    private static String scalarHeaderText(Member member, Object value) {
        if (member.jsonValue() && value instanceof String json) {
            return Base64Values.encode(json.getBytes(StandardCharsets.UTF_8));
        }
        return ScalarText.format(value, timestampFormat(member, TimestampFormat.HTTP_DATE));
    }

    private static Object readLabel(Member member, String text) {
        if (text == null) {
            return null;
        }
        return ScalarText.parse(text, member.target(), timestampFormat(member, TimestampFormat.DATE_TIME));
    }

    private static Object readQuery(Member member, List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        if (member.target() instanceof ListShape list) {
            Member item = list.member();
            List<Object> values = new ArrayList<>(texts.size());
            for (String text : texts) {
                values.add(ScalarText.parse(text, item.target(), timestampFormat(item, timestampFormat(member, TimestampFormat.DATE_TIME))));
            }
            return values;
        }
        return ScalarText.parse(texts.getFirst(), member.target(), timestampFormat(member, TimestampFormat.DATE_TIME));
    }

    private static Object readQueryMap(Member member, Map<String, List<String>> query) {
        MapShape map = (MapShape) member.target();
        Shape valueShape = map.value().target();
        Map<String, Object> values = new LinkedHashMap<>();
        query.forEach((key, texts) -> {
            if (valueShape instanceof ListShape list) {
                List<Object> items = new ArrayList<>(texts.size());
                texts.forEach(t -> items.add(ScalarText.parse(t, list.member().target(), TimestampFormat.DATE_TIME)));
                values.put(key, items);
            } else {
                values.put(key, ScalarText.parse(texts.getFirst(), valueShape, TimestampFormat.DATE_TIME));
            }
        });
        return values.isEmpty() ? null : values;
    }

    private static Object readHeader(Member member, List<String> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        if (member.target() instanceof ListShape list) {
            Member item = list.member();
            TimestampFormat format = timestampFormat(item, timestampFormat(member, TimestampFormat.HTTP_DATE));
            boolean httpDates = item.target().type() == ShapeType.TIMESTAMP && format == TimestampFormat.HTTP_DATE;
            List<Object> values = new ArrayList<>();
            for (String field : fields) {
                for (String text : HeaderLists.split(field, httpDates)) {
                    values.add(ScalarText.parse(text, item.target(), format));
                }
            }
            return values;
        }
        String text = fields.getFirst().strip();
        if (member.jsonValue()) {
            return ScalarText.utf8(Base64Values.decode(text));
        }
        return ScalarText.parse(text, member.target(), timestampFormat(member, TimestampFormat.HTTP_DATE));
    }

    private static Object readPrefixHeaders(Member member, HttpHeaders headers, Set<String> boundHeaders) {
        String prefix = member.wireName().toLowerCase(Locale.ROOT);
        Shape valueShape = ((MapShape) member.target()).value().target();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(prefix) && !boundHeaders.contains(lower)) {
                values.put(name.substring(prefix.length()), ScalarText.parse(headers.first(name), valueShape, TimestampFormat.HTTP_DATE));
            }
        }
        return values.isEmpty() ? null : values;
    }

    private static TimestampFormat timestampFormat(Member member, TimestampFormat locationDefault) {
        return TimestampFormat.of(member.effectiveTimestampFormat(), locationDefault);
    }

    /** An endpoint host prefix such as {@code {AccountId}.}: labels read from the request's host. */
    public record HostPrefix(Pattern pattern, List<String> labels) {
        private static final Pattern LABEL = Pattern.compile("\\{([^}]+)}");

        static HostPrefix parse(String template) {
            if (template == null || template.isEmpty()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder("^");
            Matcher m = LABEL.matcher(template);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^.]+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            return names.isEmpty() ? null : new HostPrefix(Pattern.compile(regex.toString()), List.copyOf(names));
        }

        /** The label values the host carries, empty when it does not start with the prefix. */
        public Map<String, String> labels(String host) {
            Matcher m = pattern.matcher(host);
            Map<String, String> values = new LinkedHashMap<>();
            if (m.find()) {
                for (int i = 0; i < labels.size(); i++) {
                    values.put(labels.get(i), m.group(i + 1));
                }
            }
            return values;
        }
    }
}
