package io.kasumi.protocol.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.api.AwsException;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ProtocolCodecs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Content-Type and Accept checks of restJson1: strict only where every AWS SDK and CLI release
 * agrees, so what real clients send to the vendored services always passes.
 */
class RestJsonMediaTypesTest {
    private static final ServiceModel LAMBDA = ServiceModelLoader.loadResource("lambda");
    private static final ServiceModel API_GATEWAY = ServiceModelLoader.loadResource("apigateway");
    private static final ServiceModel PHOTOS = photos();
    private final ProtocolCodec codec = ProtocolCodecs.standard().byName("rest-json");

    @SuppressWarnings("unchecked")
    private static ServiceModel photos() {
        String model = """
                {"metadata": {"protocol": "rest-json", "endpointPrefix": "photos"},
                 "operations": {"GetPhoto": {"name": "GetPhoto", "http": {"method": "GET", "requestUri": "/photo"},
                                             "output": {"shape": "PhotoOutput"}}},
                 "shapes": {
                   "PhotoOutput": {"type": "structure", "payload": "photo", "members": {"photo": {"shape": "Jpeg"}}},
                   "Jpeg": {"type": "blob", "mediaType": "image/jpeg"}}}
                """;
        try {
            return ServiceModelLoader.fromTree("photos", new ObjectMapper().readValue(model, Map.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest request(String method, String path, String body, String... headers) {
        return HttpRequest.of(method, path, HttpHeaders.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> parse(ServiceModel model, HttpRequest request) {
        return codec.parseRequest(model, codec.resolveOperation(model, request), request);
    }

    private static void assertRejected(Runnable call, String code, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }

    @Test
    void rejectsAcceptThatExcludesAJsonResponse() {
        assertRejected(() -> parse(LAMBDA, request("GET", "/2015-03-31/functions/", "", "Accept", "application/hal+json")),
                "NotAcceptableException", 406);
    }

    @Test
    void acceptsJsonWildcardsAndNoAcceptForAJsonResponse() {
        for (String accept : new String[] {"application/json", "*/*", "application/*",
                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"}) {
            assertThatCode(() -> parse(LAMBDA, request("GET", "/2015-03-31/functions/", "", "Accept", accept)))
                    .as(accept).doesNotThrowAnyException();
        }
        assertThatCode(() -> parse(LAMBDA, request("GET", "/2015-03-31/functions/", ""))).doesNotThrowAnyException();
    }

    @Test
    void rejectsAcceptThatExcludesAModeledPayloadMediaType() {
        assertRejected(() -> parse(PHOTOS, request("GET", "/photo", "", "Accept", "application/json")),
                "NotAcceptableException", 406);
        assertThatCode(() -> parse(PHOTOS, request("GET", "/photo", "", "Accept", "image/*"))).doesNotThrowAnyException();
    }

    @Test
    void acceptsApiGatewayClientsAcceptHeaderForBlobDownloads() {
        // botocore, Java v2 and JS v3 add "Accept: application/json" to every API Gateway call
        assertThat(parse(API_GATEWAY, request("GET", "/restapis/a1/stages/prod/sdks/javascript", "",
                "Accept", "application/json"))).containsEntry("sdkType", "javascript");
        assertThat(parse(API_GATEWAY, request("GET", "/restapis/a1/stages/prod/exports/swagger", "",
                "Accept", "application/yaml"))).containsEntry("accepts", "application/yaml");
    }

    @Test
    void keepsAContentTypeBoundToAnOutputMemberOverAPayloadsImpliedType() {
        HttpResponse response = codec.serializeResponse(API_GATEWAY, API_GATEWAY.operation("GetExport"),
                Map.of("contentType", "application/yaml", "body", "openapi: 3.0.1".getBytes(StandardCharsets.UTF_8)), "r");
        assertThat(response.headers().first("Content-Type")).isEqualTo("application/yaml");

        HttpResponse unbound = codec.serializeResponse(API_GATEWAY, API_GATEWAY.operation("GetSdk"),
                Map.of("body", new byte[] {1}), "r");
        assertThat(unbound.headers().first("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void acceptsJsonContentTypeOnABlobPayload() {
        // the AWS SDK for Java v2 sends its JSON Content-Type with every non-streaming blob payload
        Map<String, Object> input = parse(LAMBDA, request("POST", "/2015-03-31/functions/f/invocations", "{}",
                "Content-Type", "application/json"));
        assertThat((byte[]) input.get("Payload")).asString().isEqualTo("{}");
    }

    @Test
    void acceptsJsonBodyWithoutOrWithBlankContentType() {
        // older botocore sent rest-json bodies without Content-Type
        String body = "{\"ReservedConcurrentExecutions\":5}";
        assertThat(parse(LAMBDA, request("PUT", "/2017-10-31/functions/f/concurrency", body)))
                .containsEntry("ReservedConcurrentExecutions", 5);
        assertThat(parse(LAMBDA, request("PUT", "/2017-10-31/functions/f/concurrency", body, "Content-Type", "")))
                .containsEntry("ReservedConcurrentExecutions", 5);
        assertThat(parse(LAMBDA, request("PUT", "/2017-10-31/functions/f/concurrency", body,
                "Content-Type", "application/x-amz-json-1.1"))).containsEntry("ReservedConcurrentExecutions", 5);
    }
}
