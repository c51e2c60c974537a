package io.kasumi.auth;

import io.kasumi.protocol.HttpRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SigV4's canonical request, rebuilt from the request as received. Client encodings are
 * normalised by decoding and re-encoding each component, so only meaning enters the signature.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    static String of(HttpRequest request, RequestSignature.V4 signature, String payloadHash) {
        boolean s3 = AuthErrors.forService(signature.service()).isS3();
        return of(request, signature, payloadHash, canonicalUri(request.rawPath(), s3));
    }

    /** With the path exactly as sent: what a client signs that put an unencoded character (e.g. '+') on the wire. */
    static String withRawPath(HttpRequest request, RequestSignature.V4 signature, String payloadHash) {
        String rawPath = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        return of(request, signature, payloadHash, rawPath);
    }

    private static String of(HttpRequest request, RequestSignature.V4 signature, String payloadHash, String canonicalUri) {
        return request.method() + '\n'
                + canonicalUri + '\n'
                + canonicalQuery(request.rawQuery(), signature.presigned()) + '\n'
                + canonicalHeaders(request, signature.signedHeaders()) + '\n'
                + String.join(";", signature.signedHeaders()) + '\n'
                + payloadHash;
    }

    static String stringToSign(RequestSignature.V4 signature, String canonicalRequest) {
        return SigV4Crypto.ALGORITHM + '\n' + signature.amzDate() + '\n' + signature.scope().value() + '\n'
                + SigV4Crypto.sha256Hex(canonicalRequest);
    }

    /**
     * S3 signs the path as sent, encoded once and never normalised (client encodings are
     * normalised here by decoding and re-encoding). Other services normalise the path as the
     * SDKs do (empty and dot segments removed) and encode the segments as sent a second time.
     */
    static String canonicalUri(String rawPath, boolean s3) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        if (!s3) {
            return doubleEncoded(rawPath);
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(UriEncoding.encode(UriEncoding.decode(segments[i], false), true));
        }
        String uri = out.toString();
        return uri.startsWith("/") ? uri : "/" + uri;
    }

    /** Empty and dot segments removed (a trailing slash kept), then each segment as sent encoded again. */
    private static String doubleEncoded(String rawPath) {
        List<String> kept = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                // Like java.net.URI#normalize (the Java SDK): a ".." with nothing left to remove stays.
                if (kept.isEmpty() || kept.getLast().equals("..")) {
                    kept.add("..");
                } else {
                    kept.removeLast();
                }
            } else {
                kept.add(UriEncoding.encode(segment, true));
            }
        }
        boolean trailingSlash = rawPath.endsWith("/") && !kept.isEmpty();
        return "/" + String.join("/", kept) + (trailingSlash ? "/" : "");
    }

    /** Parameters encoded, sorted by key then value; a presigned request's own signature left out. */
    static String canonicalQuery(String rawQuery, boolean presigned) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = UriEncoding.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            if (presigned && key.equals("X-Amz-Signature")) {
                continue;
            }
            String value = eq < 0 ? "" : UriEncoding.decode(pair.substring(eq + 1), true);
            parameters.add(Map.entry(UriEncoding.encode(key, true), UriEncoding.encode(value, true)));
        }
        parameters.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (Map.Entry<String, String> parameter : parameters) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(parameter.getKey()).append('=').append(parameter.getValue());
        }
        return out.toString();
    }

    /** One "name:value\n" line per signed header; repeated fields joined with ',', whitespace folded. */
    static String canonicalHeaders(HttpRequest request, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().all(name);
            if (values.isEmpty() && name.equals("host") && request.host() != null) {
                values = List.of(request.host());
            }
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(foldWhitespace(values.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String foldWhitespace(String value) {
        String trimmed = value.strip();
        StringBuilder out = new StringBuilder(trimmed.length());
        boolean inSpace = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == ' ' || c == '\t') {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }
}
