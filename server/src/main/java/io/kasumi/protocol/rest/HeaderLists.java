package io.kasumi.protocol.rest;

import io.kasumi.protocol.codec.CodecErrors;

import java.util.ArrayList;
import java.util.List;

/**
 * List-valued headers: items separated by commas, strings containing a comma or a quote written
 * as quoted strings (RFC 9110), and HTTP dates (which contain a comma themselves) two pieces each.
 */
public final class HeaderLists {
    private HeaderLists() {
    }

    /** Splits a header value into items; {@code httpDates} pairs "Mon, 16 Dec 2019 ..." pieces back up. */
    public static List<String> split(String value, boolean httpDates) {
        List<String> pieces = splitQuoted(value);
        if (!httpDates) {
            return pieces;
        }
        List<String> dates = new ArrayList<>(pieces.size() / 2);
        for (int i = 0; i < pieces.size(); i += 2) {
            if (i + 1 >= pieces.size()) {
                throw CodecErrors.serialization("invalid HTTP date list: " + value);
            }
            dates.add(pieces.get(i) + ", " + pieces.get(i + 1));
        }
        return dates;
    }

    /** Joins items, quoting strings that contain a comma or a double quote. */
    public static String join(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            if (item.indexOf(',') >= 0 || item.indexOf('"') >= 0) {
                out.append('"').append(item.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                out.append(item);
            }
        }
        return out.toString();
    }

    private static List<String> splitQuoted(String value) {
        List<String> items = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return items;
        }
        int i = 0;
        int n = value.length();
        while (i <= n) {
            while (i < n && value.charAt(i) == ' ' || i < n && value.charAt(i) == '\t') {
                i++;
            }
            if (i < n && value.charAt(i) == '"') {
                StringBuilder item = new StringBuilder();
                i++;
                while (i < n && value.charAt(i) != '"') {
                    char c = value.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = value.charAt(++i);
                    }
                    item.append(c);
                    i++;
                }
                if (i >= n) {
                    throw CodecErrors.serialization("unterminated quoted string in header: " + value);
                }
                i++;
                while (i < n && value.charAt(i) != ',') {
                    i++;
                }
                items.add(item.toString());
            } else {
                int comma = value.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                items.add(value.substring(i, end).strip());
                i = end;
            }
            i++;
        }
        return items;
    }
}
