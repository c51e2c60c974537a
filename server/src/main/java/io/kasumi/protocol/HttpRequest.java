package io.kasumi.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the protocol layer sees it, independent of the server library, so codecs
 * are testable with plain values (the protocol conformance tests build these directly).
 */
public final class HttpRequest {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final String host;
    private final HttpHeaders headers;
    private InputStream body;
    private byte[] bodyBytes;
    private Map<String, List<String>> queryParameters;

    /**
     * @param rawPath the path exactly as sent, still percent-encoded
     * @param rawQuery the query string as sent without '?', or null
     * @param host the Host header without port, or null
     */
    public HttpRequest(String method, String rawPath, String rawQuery, String host, HttpHeaders headers, InputStream body) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.host = host;
        this.headers = headers;
        this.body = body == null ? InputStream.nullInputStream() : body;
    }

    public static HttpRequest of(String method, String pathAndQuery, HttpHeaders headers, byte[] body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        String host = headers.first("Host");
        if (host != null && host.lastIndexOf(':') > host.lastIndexOf(']')) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        return new HttpRequest(method, path, query, host, headers, new ByteArrayInputStream(body == null ? new byte[0] : body));
    }

    public String method() {
        return method;
    }

    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public String host() {
        return host;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body as a stream; after {@link #bodyBytes()} it replays the buffered bytes. */
    public InputStream body() {
        return bodyBytes != null ? new ByteArrayInputStream(bodyBytes) : body;
    }

    /** Replaces the body, e.g. with the decoded content of an aws-chunked stream. */
    public void replaceBody(InputStream newBody) {
        this.body = newBody;
        this.bodyBytes = null;
    }

    /** Reads the whole body once and keeps it. */
    public byte[] bodyBytes() {
        if (bodyBytes == null) {
            try (InputStream in = body) {
                bodyBytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodyBytes;
    }

    /** Decoded query parameters in order; a key without '=' maps to an empty string. */
    public Map<String, List<String>> queryParameters() {
        if (queryParameters == null) {
            queryParameters = Collections.unmodifiableMap(parseForm(rawQuery));
        }
        return queryParameters;
    }

    public String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Parses application/x-www-form-urlencoded text (also query strings). */
    public static Map<String, List<String>> parseForm(String text) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
        }
        return params;
    }

    /** Percent-decodes a form component ('+' is a space). */
    public static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
