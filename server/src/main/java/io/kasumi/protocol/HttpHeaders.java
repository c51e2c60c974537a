package io.kasumi.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** HTTP header fields: case-insensitive names, insertion order and repeated fields kept. */
public final class HttpHeaders {
    private final Map<String, Entry> fields = new LinkedHashMap<>();

    private record Entry(String name, List<String> values) {
    }

    public static HttpHeaders of(String... namesAndValues) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    public HttpHeaders add(String name, String value) {
        fields.computeIfAbsent(key(name), k -> new Entry(name, new ArrayList<>(1))).values().add(value);
        return this;
    }

    public HttpHeaders set(String name, String value) {
        List<String> values = new ArrayList<>(1);
        values.add(value);
        fields.put(key(name), new Entry(name, values));
        return this;
    }

    public HttpHeaders remove(String name) {
        fields.remove(key(name));
        return this;
    }

    /** The first value of the field, or null. */
    public String first(String name) {
        Entry entry = fields.get(key(name));
        return entry == null ? null : entry.values().getFirst();
    }

    /** Every value of the field (repeated fields in order), empty when absent. */
    public List<String> all(String name) {
        Entry entry = fields.get(key(name));
        return entry == null ? List.of() : Collections.unmodifiableList(entry.values());
    }

    public boolean contains(String name) {
        return fields.containsKey(key(name));
    }

    /** Field names as first added (original case). */
    public List<String> names() {
        return fields.values().stream().map(Entry::name).toList();
    }

    /** Lower-case field names. */
    public Set<String> lowerCaseNames() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    public void forEach(BiConsumer<String, String> action) {
        fields.values().forEach(e -> e.values().forEach(v -> action.accept(e.name(), v)));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        forEach((n, v) -> out.append(n).append(": ").append(v).append('\n'));
        return out.toString();
    }
}
