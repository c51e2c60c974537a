package io.kasumi.server;

import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;

/**
 * The answer when no service can be told from a request: shaped like the protocol the client
 * seems to speak (json when it sent X-Amz-Target, XML otherwise), never an HTML 404 page.
 */
final class UnknownService {

    static HttpResponse response(HttpRequest request, String requestId) {
        if (request.headers().contains("X-Amz-Target")) {
            return response(request, "UnknownOperationException",
                    "The X-Amz-Target " + request.headers().first("X-Amz-Target") + " names no service Kasumi knows", 400, requestId);
        }
        return response(request, "InvalidAction", "Kasumi could not tell which AWS service this request is for", 400, requestId);
    }

    static HttpResponse response(HttpRequest request, String code, String message, int status, String requestId) {
        if (request.headers().contains("X-Amz-Target")) {
            String body = "{\"__type\":\"" + code + "\",\"message\":\"" + escapeJson(message) + "\"}";
            HttpResponse response = HttpResponse.text(status, "application/x-amz-json-1.1", body);
            response.headers().set("x-amzn-ErrorType", code);
            return response;
        }
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + escapeXml(message) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        return HttpResponse.text(status, "text/xml", body);
    }

    private static String escapeJson(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private UnknownService() {
    }
}
