package io.kasumi.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ProtocolCodecs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Model defaults ("default" on a member) are filled in for absent members on both sides. */
class JsonModelDefaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SHAPES = """
            "Input": {"type": "structure", "members": {
                "greeting": {"shape": "String", "default": "hi"},
                "count": {"shape": "Integer", "default": 0},
                "enabled": {"shape": "Boolean", "default": true},
                "when": {"shape": "Timestamp", "default": 0},
                "data": {"shape": "Blob", "default": "YWJj"},
                "names": {"shape": "Names", "default": []},
                "plain": {"shape": "String"},
                "nested": {"shape": "Nested"},
                "nestedList": {"shape": "NestedList"},
                "choice": {"shape": "Choice"}}},
            "Nested": {"type": "structure", "members": {
                "language": {"shape": "String"},
                "phrase": {"shape": "String", "default": "bye"}}},
            "NestedList": {"type": "list", "member": {"shape": "Nested"}},
            "Choice": {"type": "structure", "union": true, "members": {
                "a": {"shape": "String"},
                "b": {"shape": "String"}}},
            "Names": {"type": "list", "member": {"shape": "String"}},
            "String": {"type": "string"},
            "Integer": {"type": "integer"},
            "Boolean": {"type": "boolean"},
            "Timestamp": {"type": "timestamp"},
            "Blob": {"type": "blob"}
            """;

    private static final ServiceModel AWS_JSON = model("""
            {"metadata": {"protocol": "json", "jsonVersion": "1.0", "targetPrefix": "Svc", "endpointPrefix": "svc"},
             "operations": {"Op": {"name": "Op", "http": {"method": "POST", "requestUri": "/"},
                                   "input": {"shape": "Input"}, "output": {"shape": "Input"}}},
             "shapes": {%s}}
            """.formatted(SHAPES));

    private static final ServiceModel REST_JSON = model("""
            {"metadata": {"protocol": "rest-json", "endpointPrefix": "svc"},
             "operations": {"Op": {"name": "Op", "http": {"method": "POST", "requestUri": "/op"},
                                   "input": {"shape": "RestInput"}}},
             "shapes": {
               "RestInput": {"type": "structure", "members": {
                   "mode": {"shape": "String", "location": "header", "locationName": "X-Mode", "default": "fast"},
                   "limit": {"shape": "Integer", "location": "querystring", "locationName": "limit", "default": 10},
                   "name": {"shape": "String", "default": "anonymous"}}},
               "String": {"type": "string"},
               "Integer": {"type": "integer"}}}
            """);

    private final ProtocolCodec awsJson = ProtocolCodecs.standard().byName("json");
    private final ProtocolCodec restJson = ProtocolCodecs.standard().byName("rest-json");

    @SuppressWarnings("unchecked")
    private static ServiceModel model(String json) {
        try {
            return ServiceModelLoader.fromTree("svc", JSON.readValue(json, Map.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> parseAwsJson(String body) {
        HttpRequest request = HttpRequest.of("POST", "/", HttpHeaders.of("X-Amz-Target", "Svc.Op",
                "Content-Type", "application/x-amz-json-1.0"), body.getBytes(StandardCharsets.UTF_8));
        return awsJson.parseRequest(AWS_JSON, awsJson.resolveOperation(AWS_JSON, request), request);
    }

    @Test
    void fillsDefaultsOfAbsentMembersWhenParsing() {
        Map<String, Object> input = parseAwsJson("{}");
        assertThat(input).containsEntry("greeting", "hi").containsEntry("count", 0).containsEntry("enabled", true)
                .containsEntry("when", Instant.EPOCH).containsEntry("names", List.of())
                .doesNotContainKeys("plain", "nested", "choice");
        assertThat((byte[]) input.get("data")).asString().isEqualTo("abc");
    }

    @Test
    void fillsDefaultsOfAnEmptyBody() {
        assertThat(parseAwsJson("")).containsEntry("greeting", "hi").containsEntry("count", 0);
    }

    @Test
    void keepsValuesTheClientSent() {
        Map<String, Object> input = parseAwsJson("{\"greeting\": \"hello\", \"count\": 3, \"enabled\": false}");
        assertThat(input).containsEntry("greeting", "hello").containsEntry("count", 3).containsEntry("enabled", false);
    }

    @Test
    void fillsDefaultsInsideNestedStructuresAndLists() {
        Map<String, Object> input = parseAwsJson("{\"nested\": {\"language\": \"en\"}, \"nestedList\": [{}, {\"phrase\": \"ciao\"}]}");
        assertThat(input.get("nested")).isEqualTo(Map.of("language", "en", "phrase", "bye"));
        assertThat(input.get("nestedList")).isEqualTo(List.of(Map.of("phrase", "bye"), Map.of("phrase", "ciao")));
    }

    @Test
    void leavesUnionsWithTheirOneMember() {
        assertThat(parseAwsJson("{\"choice\": {\"a\": \"x\"}}").get("choice")).isEqualTo(Map.of("a", "x"));
    }

    @Test
    void writesDefaultsOfAbsentMembers() throws Exception {
        HttpResponse response = awsJson.serializeResponse(AWS_JSON, AWS_JSON.operation("Op"),
                Map.of("nested", Map.of("language", "en")), "r");
        JsonNode body = JSON.readTree(response.bodyBytes());
        assertThat(body.get("greeting").asText()).isEqualTo("hi");
        assertThat(body.get("count").intValue()).isZero();
        assertThat(body.get("enabled").booleanValue()).isTrue();
        assertThat(body.get("when").longValue()).isZero();
        assertThat(body.get("data").asText()).isEqualTo("YWJj");
        assertThat(body.get("names").isArray()).isTrue();
        assertThat(body.get("nested").toString()).isEqualTo("{\"language\":\"en\",\"phrase\":\"bye\"}");
        assertThat(body.has("plain")).isFalse();
    }

    @Test
    void restJsonFillsDefaultsOfAbsentHeaderQueryAndBodyMembers() {
        HttpRequest request = HttpRequest.of("POST", "/op", HttpHeaders.of(), new byte[0]);
        Map<String, Object> input = restJson.parseRequest(REST_JSON, restJson.resolveOperation(REST_JSON, request), request);
        assertThat(input).containsEntry("mode", "fast").containsEntry("limit", 10).containsEntry("name", "anonymous");

        HttpRequest sent = HttpRequest.of("POST", "/op?limit=3", HttpHeaders.of("X-Mode", "slow",
                "Content-Type", "application/json"), "{\"name\":\"ann\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(restJson.parseRequest(REST_JSON, restJson.resolveOperation(REST_JSON, sent), sent))
                .containsEntry("mode", "slow").containsEntry("limit", 3).containsEntry("name", "ann");
    }

    @Test
    void vendoredModelsCarryNoDefaults() {
        // filling defaults must not change what real AWS services answer
        for (String service : List.of("dynamodb", "kinesis", "kms", "logs", "secretsmanager", "sqs", "ssm",
                "dynamodbstreams", "lambda", "apigateway", "apigatewayv2")) {
            ServiceModel model = ServiceModelLoader.loadResource(service);
            model.shapes().values().forEach(shape -> {
                if (shape instanceof StructureShape structure) {
                    structure.members().values().forEach(member ->
                            assertThat(member.defaultValue()).as(service + " " + member).isNull());
                }
            });
        }
    }
}
