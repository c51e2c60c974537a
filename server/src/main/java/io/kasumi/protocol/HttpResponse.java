package io.kasumi.protocol;

import java.nio.charset.StandardCharsets;

/** An HTTP response as codecs produce it; the server writes it out. */
public final class HttpResponse {
    private int status;
    private final HttpHeaders headers;
    private ResponseBody body;

    public HttpResponse(int status, HttpHeaders headers, ResponseBody body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public static HttpResponse of(int status, String contentType, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        return new HttpResponse(status, headers, new ResponseBody.Bytes(body));
    }

    public static HttpResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public HttpResponse status(int newStatus) {
        this.status = newStatus;
        return this;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public ResponseBody body() {
        return body;
    }

    public HttpResponse body(ResponseBody newBody) {
        this.body = newBody;
        return this;
    }

    /** The body bytes when buffered (tests and small responses), else null. */
    public byte[] bodyBytes() {
        return switch (body) {
            case ResponseBody.Bytes b -> b.bytes();
            case ResponseBody.Empty e -> new byte[0];
            default -> null;
        };
    }
}
