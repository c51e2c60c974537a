package io.kasumi.protocol.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The media ranges of an HTTP {@code Accept} header (RFC 9110 §12.5.1), enough to tell whether a
 * response's media type is acceptable. Leniency matters more than precision here: an absent or
 * unreadable header accepts everything, as do {@code *}{@code /*} and the bare {@code *} that
 * {@code java.net.HttpURLConnection} sends by default; only a range with {@code q=0} is refused.
 */
record AcceptHeader(List<String> ranges) {
    private static final AcceptHeader ANYTHING = new AcceptHeader(List.of("*/*"));

    static AcceptHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return ANYTHING;
        }
        List<String> ranges = new ArrayList<>();
        boolean named = false;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String range = parts[0].strip().toLowerCase(Locale.ROOT);
            named |= !range.isEmpty();
            if (!range.isEmpty() && !refused(parts)) {
                ranges.add(range);
            }
        }
        return named ? new AcceptHeader(List.copyOf(ranges)) : ANYTHING;
    }

    /** True when some range covers {@code mediaType} (compared without parameters, case-insensitively). */
    boolean accepts(String mediaType) {
        String essence = essence(mediaType);
        int slash = essence.indexOf('/');
        String type = slash < 0 ? essence : essence.substring(0, slash);
        for (String range : ranges) {
            if (range.equals("*") || range.equals("*/*") || range.equals(essence) || range.equals(type + "/*")) {
                return true;
            }
        }
        return false;
    }

    /** A media type without its parameters, lower-cased: {@code "Application/JSON; charset=utf-8"} is {@code "application/json"}. */
    static String essence(String mediaType) {
        return mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
