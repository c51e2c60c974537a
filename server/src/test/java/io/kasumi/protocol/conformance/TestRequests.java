package io.kasumi.protocol.conformance;

import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import software.amazon.smithy.protocoltests.traits.HttpMalformedRequestDefinition;
import software.amazon.smithy.protocoltests.traits.HttpRequestTestCase;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link HttpRequest} a server would receive for a test case. */
final class TestRequests {
    private static final String TARGET = "X-Amz-Target";

    private TestRequests() {
    }

    /**
     * The request of a request case. A few awsJson server cases omit X-Amz-Target (they test the
     * payload); every awsJson client sends it, so it is added as "Prefix.Operation" when absent.
     */
    static HttpRequest of(ConformanceCase.RequestCase c) {
        HttpRequestTestCase test = c.test();
        Map<String, String> headers = new LinkedHashMap<>(test.getHeaders());
        boolean awsJson = c.protocol() == ConformanceProtocol.AWS_JSON_1_0 || c.protocol() == ConformanceProtocol.AWS_JSON_1_1;
        if (awsJson && headers.keySet().stream().noneMatch(TARGET::equalsIgnoreCase)) {
            headers.put(TARGET, c.model().targetPrefix() + "." + c.operation());
        }
        return build(test.getMethod(), test.getUri(), test.getQueryParams(), headers,
                test.getResolvedHost().or(test::getHost), test.getBody(), test.getBodyMediaType());
    }

    static HttpRequest of(HttpMalformedRequestDefinition request) {
        return build(request.getMethod(), request.expectUri(), request.getQueryParams(), request.getHeaders(),
                request.getHost(), request.getBody(), request.getBodyMediaType());
    }

    /**
     * @param queryParams "key=value" pairs, already percent-encoded as they go on the wire
     */
    private static HttpRequest build(String method, String uri, List<String> queryParams, Map<String, String> headerMap,
                                     Optional<String> host, Optional<String> body, Optional<String> bodyMediaType) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        List<String> query = new ArrayList<>();
        if (q >= 0 && q + 1 < uri.length()) {
            query.add(uri.substring(q + 1));
        }
        query.addAll(queryParams);
        HttpHeaders headers = new HttpHeaders();
        headerMap.forEach(headers::add);
        byte[] bytes = body.map(b -> BodyComparison.decodeTestBody(b, bodyMediaType.orElse(null))).orElse(new byte[0]);
        // What an HTTP server hands on for any request with a body: its length.
        if (bytes.length > 0 && !headers.contains("Content-Length") && !headers.contains("Transfer-Encoding")) {
            headers.set("Content-Length", Integer.toString(bytes.length));
        }
        String hostName = host.orElse(null);
        if (hostName != null && !headers.contains("Host")) {
            headers.set("Host", hostName);
        }
        return new HttpRequest(method, path, query.isEmpty() && q < 0 ? null : String.join("&", query), hostName, headers,
                new ByteArrayInputStream(bytes));
    }
}
