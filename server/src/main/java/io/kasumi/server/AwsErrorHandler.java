package io.kasumi.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Errors Jetty raises before any service sees the request (header section too large, bad HTTP)
 * still get an AWS-shaped XML body instead of an HTML page.
 */
final class AwsErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String code = switch (status) {
            case 431 -> "RequestHeaderSectionTooLarge";
            case 413 -> "RequestEntityTooLarge";
            case 414 -> "RequestURITooLong";
            default -> status >= 500 ? "InternalError" : "BadRequest";
        };
        String message = switch (status) {
            case 431 -> "Your request header section exceeds the maximum allowed size.";
            case 413 -> "Your request was too big.";
            default -> "The request could not be processed.";
        };
        if (status == 431) {
            response.setStatus(400);
        }
        String requestId = UUID.randomUUID().toString();
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>" + requestId + "</RequestId></Error>";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.getHeaders().put("x-amzn-RequestId", requestId);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
