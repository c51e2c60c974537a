package io.kasumi.server;

import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ResponseBody;

/**
 * CORS for browsers (the console, browser SDKs): preflights are answered for any origin, and
 * responses to cross-origin requests expose the headers SDKs read.
 */
final class Cors {
    private static final String ALLOWED_METHODS = "GET, HEAD, PUT, POST, DELETE, PATCH, OPTIONS";
    private static final String EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-query-error, x-amz-request-id, "
            + "x-amz-id-2, x-amz-version-id, x-amz-delete-marker, x-amz-checksum-crc32, x-amz-checksum-crc32c, "
            + "x-amz-checksum-crc64nvme, x-amz-checksum-sha1, x-amz-checksum-sha256, x-amz-server-side-encryption, "
            + "x-amz-function-error, x-amz-log-result, x-amz-executed-version, ETag, Content-Length, Content-Range, "
            + "Last-Modified, Date, Location";

    static boolean isPreflight(HttpRequest request) {
        return "OPTIONS".equals(request.method())
                && request.headers().contains("Origin")
                && request.headers().contains("Access-Control-Request-Method");
    }

    static HttpResponse preflight(HttpRequest request) {
        HttpHeaders headers = new HttpHeaders()
                .set("Access-Control-Allow-Origin", request.headers().first("Origin"))
                .set("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .set("Access-Control-Max-Age", "86400")
                .set("Access-Control-Allow-Credentials", "true")
                .set("Vary", "Origin");
        String requested = request.headers().first("Access-Control-Request-Headers");
        if (requested != null) {
            headers.set("Access-Control-Allow-Headers", requested);
        }
        return new HttpResponse(200, headers, ResponseBody.EMPTY);
    }

    static void decorate(HttpRequest request, HttpResponse response) {
        String origin = request.headers().first("Origin");
        if (origin != null && !response.headers().contains("Access-Control-Allow-Origin")) {
            response.headers()
                    .set("Access-Control-Allow-Origin", origin)
                    .set("Access-Control-Allow-Credentials", "true")
                    .set("Access-Control-Expose-Headers", EXPOSED_HEADERS)
                    .add("Vary", "Origin");
        }
    }

    private Cors() {
    }
}
