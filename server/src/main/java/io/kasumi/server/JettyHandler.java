package io.kasumi.server;

import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ResponseBody;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * Bridges Jetty's core API to Kasumi's HTTP values. Runs as a blocking handler, so Jetty hands
 * each request to a virtual thread.
 */
final class JettyHandler extends Handler.Abstract {
    private final Function<HttpRequest, HttpResponse> dispatcher;

    JettyHandler(Function<HttpRequest, HttpResponse> dispatcher) {
        super(InvocationType.BLOCKING);
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        for (HttpField field : request.getHeaders()) {
            headers.add(field.getName(), field.getValue());
        }
        HttpURI uri = request.getHttpURI();
        HttpRequest kasumiRequest = new HttpRequest(request.getMethod(), uri.getPath(), uri.getQuery(),
                Request.getServerName(request), headers, Content.Source.asInputStream(request));

        HttpResponse out = dispatcher.apply(kasumiRequest);

        response.setStatus(out.status());
        out.headers().forEach((name, value) -> response.getHeaders().add(name, value));
        boolean head = "HEAD".equals(request.getMethod());
        switch (out.body()) {
            case ResponseBody.Empty empty -> {
                if (!out.headers().contains("Content-Length")) {
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
                }
                response.write(true, null, callback);
            }
            case ResponseBody.Bytes bytes -> {
                if (!out.headers().contains("Content-Length")) {
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.bytes().length);
                }
                response.write(true, head ? null : ByteBuffer.wrap(bytes.bytes()), callback);
            }
            case ResponseBody.Stream stream -> {
                if (stream.length() >= 0 && !out.headers().contains("Content-Length")) {
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, stream.length());
                }
                if (head) {
                    stream.stream().close();
                    response.write(true, null, callback);
                } else {
                    Content.copy(Content.Source.from(stream.stream()), response, callback);
                }
            }
            case ResponseBody.Writer writer -> {
                try (OutputStream body = Content.Sink.asOutputStream(response)) {
                    writer.writer().writeTo(body);
                }
                callback.succeeded();
            }
        }
        return true;
    }
}
