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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsJsonCodecTest {
    private static final ServiceModel DYNAMODB = ServiceModelLoader.loadResource("dynamodb");
    private static final ServiceModel SQS = ServiceModelLoader.loadResource("sqs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProtocolCodec codec = ProtocolCodecs.standard().byName("json");

    private static HttpRequest request(String target, String body) {
        HttpHeaders headers = HttpHeaders.of("Content-Type", "application/x-amz-json-1.0");
        if (target != null) {
            headers.set("X-Amz-Target", target);
        }
        return HttpRequest.of("POST", "/", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse response) throws Exception {
        return JSON.readTree(response.bodyBytes());
    }

    @Test
    void resolvesOperationFromTarget() {
        Operation operation = codec.resolveOperation(DYNAMODB, request("DynamoDB_20120810.PutItem", "{}"));
        assertThat(operation.name()).isEqualTo("PutItem");
    }

    @Test
    void rejectsUnknownOrMissingTarget() {
        for (String target : new String[] {"DynamoDB_20120810.Nope", "Other_20120810.PutItem", null}) {
            assertThatThrownBy(() -> codec.resolveOperation(DYNAMODB, request(target, "{}")))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("UnknownOperationException");
                        assertThat(e.httpStatus()).isEqualTo(400);
                    });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void parsesNestedInputWithBlobsAndUnknownMembers() {
        Operation putItem = DYNAMODB.operation("PutItem");
        String body = """
                {"TableName":"t","Item":{"id":{"S":"1"},"data":{"B":"AQID"},
                 "tags":{"L":[{"S":"a"},{"N":"2"}]},"nested":{"M":{"ok":{"BOOL":true}}}},
                 "SomethingNew":{"x":[1,2]},"ReturnValues":null}""";
        Map<String, Object> input = codec.parseRequest(DYNAMODB, putItem, request("DynamoDB_20120810.PutItem", body));
        assertThat(input).containsOnlyKeys("TableName", "Item");
        Map<String, Object> item = (Map<String, Object>) input.get("Item");
        assertThat(item.get("id")).isEqualTo(Map.of("S", "1"));
        assertThat((byte[]) ((Map<String, Object>) item.get("data")).get("B")).containsExactly(1, 2, 3);
        assertThat(item.get("tags")).isEqualTo(Map.of("L", List.of(Map.of("S", "a"), Map.of("N", "2"))));
        assertThat(item.get("nested")).isEqualTo(Map.of("M", Map.of("ok", Map.of("BOOL", true))));
    }

    @Test
    void acceptsEmptyBodyAsEmptyInput() {
        Operation listTables = DYNAMODB.operation("ListTables");
        assertThat(codec.parseRequest(DYNAMODB, listTables, request("DynamoDB_20120810.ListTables", ""))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"TableName\":\"t\"}x", "[]", "{\"TableName\":5}", "{\"Limit\":\"5\"}",
            "{\"Limit\":1.5}", "{\"Limit\":99999999999}", "{\"TableName\": \"t\" // c\n}"})
    void rejectsMalformedBodiesWithSerializationException(String body) {
        Operation scan = DYNAMODB.operation("Scan");
        assertThatThrownBy(() -> codec.parseRequest(DYNAMODB, scan, request("DynamoDB_20120810.Scan", body)))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("SerializationException");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void serializesTimestampsAsEpochSecondsAndDoubles() throws Exception {
        Operation describe = DYNAMODB.operation("DescribeTable");
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("TableName", "t");
        table.put("CreationDateTime", Instant.ofEpochSecond(1576540098, 123_000_000));
        table.put("ItemCount", 3L);
        HttpResponse response = codec.serializeResponse(DYNAMODB, describe, Map.of("Table", table), "req-1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(response.headers().first("x-amzn-RequestId")).isEqualTo("req-1");
        assertThat(json(response))
                .isEqualTo(JSON.readTree("{\"Table\":{\"TableName\":\"t\",\"CreationDateTime\":1576540098.123,\"ItemCount\":3}}"));

        Operation putItem = DYNAMODB.operation("PutItem");
        HttpResponse put = codec.serializeResponse(DYNAMODB, putItem,
                Map.of("ConsumedCapacity", Map.of("TableName", "t", "CapacityUnits", 1.0)), "r");
        assertThat(json(put).at("/ConsumedCapacity/CapacityUnits").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void serializesEmptyOutputAsEmptyObject() {
        HttpResponse response = codec.serializeResponse(DYNAMODB, DYNAMODB.operation("DeleteItem"), Map.of(), "r");
        assertThat(new String(response.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void serializesModeledErrorWithTypeAndMessage() throws Exception {
        AwsException error = new AwsException("ResourceNotFoundException", "Requested resource not found", 400, true);
        HttpResponse response = codec.serializeError(DYNAMODB, DYNAMODB.operation("GetItem"), error, "r");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().first("x-amzn-ErrorType")).isEqualTo("ResourceNotFoundException");
        assertThat(response.headers().contains("x-amzn-query-error")).isFalse();
        JsonNode body = json(response);
        assertThat(body.get("__type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(body.get("message").asText()).isEqualTo("Requested resource not found");
    }

    @Test
    void serializesErrorFieldsOfTheErrorShape() throws Exception {
        Map<String, Object> reason = Map.of("Code", "ConditionalCheckFailed", "Message", "failed");
        AwsException error = new AwsException("TransactionCanceledException", "Transaction cancelled", 400, true,
                Map.of("CancellationReasons", List.of(reason)));
        JsonNode body = json(codec.serializeError(DYNAMODB, DYNAMODB.operation("TransactWriteItems"), error, "r"));
        assertThat(body.at("/CancellationReasons/0/Code").asText()).isEqualTo("ConditionalCheckFailed");
        assertThat(body.get("Message").asText()).isEqualTo("Transaction cancelled");
    }

    @Test
    void queryCompatibleServiceAddsQueryErrorHeader() throws Exception {
        AwsException error = new AwsException("QueueDoesNotExist", "The specified queue does not exist.", 400, true);
        HttpResponse response = codec.serializeError(SQS, SQS.operation("GetQueueUrl"), error, "r");
        assertThat(response.headers().first("x-amzn-query-error")).isEqualTo("AWS.SimpleQueueService.NonExistentQueue;Sender");
        assertThat(json(response).get("__type").asText()).isEqualTo("QueueDoesNotExist");

        AwsException internal = AwsException.internal("boom");
        assertThat(codec.serializeError(SQS, null, internal, "r").headers().first("x-amzn-query-error"))
                .isEqualTo("InternalFailure;Receiver");
    }
}
