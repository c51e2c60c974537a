package io.kasumi.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.api.AwsException;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ProtocolCodecs;
import io.kasumi.protocol.ResponseBody;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestJsonCodecTest {
    private static final ServiceModel LAMBDA = ServiceModelLoader.loadResource("lambda");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProtocolCodec codec = ProtocolCodecs.standard().byName("rest-json");

    private static HttpRequest request(String method, String pathAndQuery, String body, String... headers) {
        return HttpRequest.of(method, pathAndQuery, HttpHeaders.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> parse(HttpRequest request) {
        Operation operation = codec.resolveOperation(LAMBDA, request);
        return codec.parseRequest(LAMBDA, operation, request);
    }

    @Test
    void resolvesOperationsByMethodAndPath() {
        assertThat(codec.resolveOperation(LAMBDA, request("GET", "/2015-03-31/functions/f", "")).name()).isEqualTo("GetFunction");
        assertThat(codec.resolveOperation(LAMBDA, request("GET", "/2015-03-31/functions/", "")).name()).isEqualTo("ListFunctions");
        assertThat(codec.resolveOperation(LAMBDA, request("POST", "/2015-03-31/functions/f/invocations", "")).name()).isEqualTo("Invoke");
    }

    @Test
    void answersUnknownRouteWith404() {
        assertThatThrownBy(() -> codec.resolveOperation(LAMBDA, request("GET", "/nowhere", "")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("UnknownOperationException");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
    }

    @Test
    void parsesBlobPayloadAsRawBytesBesideHeaders() {
        Map<String, Object> input = parse(request("POST", "/2015-03-31/functions/my-fn/invocations?Qualifier=live",
                "{\"k\":1}", "X-Amz-Invocation-Type", "RequestResponse", "Content-Type", "application/octet-stream"));
        assertThat(input).containsEntry("FunctionName", "my-fn").containsEntry("Qualifier", "live")
                .containsEntry("InvocationType", "RequestResponse");
        assertThat((byte[]) input.get("Payload")).asString().isEqualTo("{\"k\":1}");
    }

    @Test
    void parsesJsonBodyMembersBesideLabels() {
        Map<String, Object> tags = parse(request("POST", "/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af",
                "{\"Tags\":{\"team\":\"blue\"}}", "Content-Type", "application/json"));
        assertThat(tags).containsEntry("Resource", "arn:aws:lambda:us-east-1:1:function:f")
                .containsEntry("Tags", Map.of("team", "blue"));

        Map<String, Object> concurrency = parse(request("PUT", "/2017-10-31/functions/f/concurrency",
                "{\"ReservedConcurrentExecutions\":5}", "Content-Type", "application/json"));
        assertThat(concurrency).containsEntry("ReservedConcurrentExecutions", 5).containsEntry("FunctionName", "f");
    }

    @Test
    void rejectsMalformedJsonBody() {
        assertThatThrownBy(() -> parse(request("PUT", "/2017-10-31/functions/f/concurrency",
                "{\"ReservedConcurrentExecutions\":\"5\"}", "Content-Type", "application/json")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));
        assertThatThrownBy(() -> parse(request("PUT", "/2017-10-31/functions/f/concurrency", "{[", "Content-Type", "application/json")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void rejectsNonJsonContentTypeForJsonBody() {
        assertThatThrownBy(() -> parse(request("PUT", "/2017-10-31/functions/f/concurrency",
                "{\"ReservedConcurrentExecutions\":5}", "Content-Type", "application/hal+json")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("UnsupportedMediaTypeException");
                    assertThat(e.httpStatus()).isEqualTo(415);
                });
    }

    @Test
    void serializesPayloadHeadersAndStatusCode() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("StatusCode", 202);
        output.put("ExecutedVersion", "$LATEST");
        output.put("Payload", "hello".getBytes(StandardCharsets.UTF_8));
        HttpResponse response = codec.serializeResponse(LAMBDA, LAMBDA.operation("Invoke"), output, "req");
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.headers().first("X-Amz-Executed-Version")).isEqualTo("$LATEST");
        assertThat(response.headers().first("x-amzn-RequestId")).isEqualTo("req");
        assertThat(response.headers().contains("StatusCode")).isFalse();
        assertThat(response.bodyBytes()).asString().isEqualTo("hello");
    }

    @Test
    void serializesBodyMembersAsJsonObject() throws Exception {
        Map<String, Object> output = Map.of("Functions", List.of(Map.of("FunctionName", "f", "MemorySize", 128)), "NextMarker", "m");
        HttpResponse response = codec.serializeResponse(LAMBDA, LAMBDA.operation("ListFunctions"), output, "r");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("Content-Type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(response.bodyBytes());
        assertThat(body.at("/Functions/0/FunctionName").asText()).isEqualTo("f");
        assertThat(body.at("/Functions/0/MemorySize").intValue()).isEqualTo(128);
        assertThat(body.get("NextMarker").asText()).isEqualTo("m");
    }

    @Test
    void usesModelResponseCodeForOperationsWithoutOutput() {
        HttpResponse response = codec.serializeResponse(LAMBDA, LAMBDA.operation("TagResource"), Map.of(), "r");
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEqualTo(ResponseBody.EMPTY);
    }

    @Test
    void serializesErrorWithTypeHeaderAndShapeMembers() throws Exception {
        AwsException error = new AwsException("TooManyRequestsException", "Rate exceeded", 429, true,
                Map.of("Type", "User", "retryAfterSeconds", "3"));
        HttpResponse response = codec.serializeError(LAMBDA, LAMBDA.operation("Invoke"), error, "r");
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("TooManyRequestsException");
        assertThat(response.headers().first("Retry-After")).isEqualTo("3");
        JsonNode body = JSON.readTree(response.bodyBytes());
        assertThat(body.get("Type").asText()).isEqualTo("User");
        assertThat(body.get("message").asText()).isEqualTo("Rate exceeded");
        assertThat(body.has("retryAfterSeconds")).isFalse();
    }

    @Test
    void serializesUnmodeledErrorWithMessageOnly() throws Exception {
        HttpResponse response = codec.serializeError(LAMBDA, null,
                new AwsException("SerializationException", "bad", 400, true), "r");
        assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("SerializationException");
        assertThat(JSON.readTree(response.bodyBytes()).toString()).isEqualTo("{\"message\":\"bad\"}");
    }
}
