package io.kasumi.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** SigV4's percent-encoding: everything but A-Z a-z 0-9 - _ . ~ is encoded, upper-case hex. */
final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    static String encode(String value, boolean encodeSlash) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || (c == '/' && !encodeSlash)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    /**
     * Percent-decodes leniently: a '%' not followed by two hex digits stays as it is.
     *
     * @param plusIsSpace true for query components, where '+' stands for a space
     */
    static String decode(String value, boolean plusIsSpace) {
        if (value.indexOf('%') < 0 && (!plusIsSpace || value.indexOf('+') < 0)) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && hexValue(value, i + 1) >= 0 && hexValue(value, i + 2) >= 0) {
                out.write(hexValue(value, i + 1) << 4 | hexValue(value, i + 2));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    bytes = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(bytes);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hexValue(String s, int index) {
        if (index >= s.length()) {
            return -1;
        }
        return Character.digit(s.charAt(index), 16);
    }
}
