package io.kasumi.protocol.cbor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.kasumi.protocol.cbor.CborTesting.hex;
import static io.kasumi.protocol.cbor.CborTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpcV2CborCodecTest {
    private static final ServiceModel CLOUDWATCH = ServiceModelLoader.loadResource("cloudwatch");
    private static final String PUT_METRIC_DATA = "/service/GraniteServiceVersion20100801/operation/PutMetricData";

    private final RpcV2CborCodec codec = new RpcV2CborCodec();

    private static HttpRequest request(String path, byte[] body, String... headers) {
        HttpHeaders h = HttpHeaders.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor",
                "Accept", "application/cbor");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.set(headers[i], headers[i + 1]);
        }
        return HttpRequest.of("POST", path, h, body);
    }

    private static Map<String, Object> metricDatum() {
        Map<String, Object> datum = new LinkedHashMap<>();
        datum.put("MetricName", "Latency");
        datum.put("Dimensions", List.of(Map.of("Name", "Host", "Value", "a")));
        datum.put("Timestamp", Instant.parse("2024-05-06T07:08:09.123Z"));
        datum.put("Value", 12.5d);
        datum.put("Values", List.of(1.0d, 2.5d));
        datum.put("Counts", List.of(3.0d, 1.0d));
        datum.put("Unit", "Milliseconds");
        datum.put("StorageResolution", 1);
        return datum;
    }

    /** Encodes an input the way a client would: the codec's writer on the operation's input shape. */
    private static byte[] encodeInput(Operation operation, Map<String, Object> input) {
        CborShapeWriter writer = new CborShapeWriter(CborTimestampEncoding.EPOCH_SECONDS);
        return CborTesting.cbor(g -> writer.writeStructure(g, operation.input(), input));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void isRegisteredUnderItsBotocoreProtocolName() {
        ProtocolCodec registered = ProtocolCodecs.standard().byName("smithy-rpc-v2-cbor");
        assertThat(registered).isInstanceOf(RpcV2CborCodec.class);
        assertThat(ProtocolCodecs.standard().forRequest(CLOUDWATCH, request(PUT_METRIC_DATA, new byte[0])))
                .isInstanceOf(RpcV2CborCodec.class);
    }

    @Test
    void resolvesTheOperationFromThePath() {
        assertThat(codec.resolveOperation(CLOUDWATCH, request(PUT_METRIC_DATA, new byte[0])).name()).isEqualTo("PutMetricData");
    }

    @Test
    void acceptsAPathPrefixAndTheAbsoluteServiceId() {
        assertThat(codec.resolveOperation(CLOUDWATCH,
                request("/v1/service/GraniteServiceVersion20100801/operation/ListMetrics", new byte[0])).name())
                .isEqualTo("ListMetrics");
        assertThat(codec.resolveOperation(CLOUDWATCH,
                request("/service/com.amazonaws.cloudwatch.GraniteServiceVersion20100801/operation/ListMetrics",
                        new byte[0])).name()).isEqualTo("ListMetrics");
    }

    @Test
    void rejectsUnknownOperationsAndOtherServicesWith404() {
        for (String path : List.of("/service/GraniteServiceVersion20100801/operation/Nope",
                "/service/OtherService/operation/ListMetrics",
                "/service/GraniteServiceVersion20100801/operation/",
                "/", "/operation/ListMetrics")) {
            assertThatThrownBy(() -> codec.resolveOperation(CLOUDWATCH, request(path, new byte[0])))
                    .as(path)
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("UnknownOperationException");
                        assertThat(e.httpStatus()).isEqualTo(404);
                    });
        }
    }

    @Test
    void rejectsOperationNamesWithANamespace() {
        assertThatThrownBy(() -> codec.resolveOperation(CLOUDWATCH,
                request("/service/GraniteServiceVersion20100801/operation/com.amazonaws.cloudwatch.ListMetrics", new byte[0])))
                .isInstanceOf(AwsException.class);
    }

    @Test
    void rejectsRequestsThatAlsoCarryXAmzTarget() {
        assertThatThrownBy(() -> codec.resolveOperation(CLOUDWATCH, request(PUT_METRIC_DATA, new byte[0],
                "X-Amz-Target", "GraniteServiceVersion20100801.PutMetricData")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void parsesPutMetricDataWrittenWithTheModel() {
        Operation put = CLOUDWATCH.operation("PutMetricData");
        Map<String, Object> input = Map.of("Namespace", "App", "MetricData", List.of(metricDatum()), "StrictEntityValidation", true);

        Map<String, Object> parsed = codec.parseRequest(CLOUDWATCH, put, request(PUT_METRIC_DATA, encodeInput(put, input)));

        assertThat(parsed).isEqualTo(input);
    }

    @Test
    void parsesAPutMetricDataRequestAsBotocoreWritesIt() {
        // botocore 1.43's rpc-v2-cbor serializer: definite-length maps, integer seconds under tag 1
        byte[] body = hex("a2694e616d657370616365634170706a4d65747269634461746181a66a4d65747269634e616d65674c6174656e6379"
                + "6a44696d656e73696f6e7381a2644e616d6564486f73746556616c756561616954696d657374616d70c11a663881d965"
                + "56616c7565fb402900000000000064556e69746c4d696c6c697365636f6e64737153746f726167655265736f6c7574696f6e01");
        HttpRequest request = request(PUT_METRIC_DATA, body, "x-amzn-query-mode", "true");
        Operation operation = codec.resolveOperation(CLOUDWATCH, request);

        Map<String, Object> parsed = codec.parseRequest(CLOUDWATCH, operation, request);

        assertThat(parsed).isEqualTo(Map.of("Namespace", "App", "MetricData", List.of(Map.of(
                "MetricName", "Latency", "Dimensions", List.of(Map.of("Name", "Host", "Value", "a")),
                "Timestamp", Instant.ofEpochSecond(1714979289), "Value", 12.5d, "Unit", "Milliseconds",
                "StorageResolution", 1))));
    }

    @Test
    void parsesGzipCompressedBodies() throws IOException {
        Operation put = CLOUDWATCH.operation("PutMetricData");
        Map<String, Object> input = Map.of("Namespace", "App", "MetricData", List.of(metricDatum()));
        HttpRequest request = request(PUT_METRIC_DATA, gzip(encodeInput(put, input)), "Content-Encoding", "gzip");

        assertThat(codec.parseRequest(CLOUDWATCH, put, request)).isEqualTo(input);
    }

    @Test
    void rejectsCorruptGzipAsSerializationException() {
        Operation put = CLOUDWATCH.operation("PutMetricData");
        HttpRequest request = request(PUT_METRIC_DATA, hex("bf ff"), "Content-Encoding", "gzip");
        assertThatThrownBy(() -> codec.parseRequest(CLOUDWATCH, put, request))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));
    }

    @Test
    void parsesMembersByMemberNameIgnoringUnknownKeys() {
        Operation list = CLOUDWATCH.operation("ListMetrics");
        // {_ "Namespace": "AWS/EC2", "Unknown": [1], "RecentlyActive": "PT3H"}
        byte[] body = hex("bf 694e616d657370616365 67 4157532f454332 67556e6b6e6f776e 8101"
                + " 6e526563656e746c79416374697665 6450543348 ff");
        assertThat(codec.parseRequest(CLOUDWATCH, list, request("/service/GraniteServiceVersion20100801/operation/ListMetrics", body)))
                .isEqualTo(Map.of("Namespace", "AWS/EC2", "RecentlyActive", "PT3H"));
    }

    @Test
    void acceptsAnEmptyBodyOrAnEmptyMap() {
        Operation list = CLOUDWATCH.operation("ListMetrics");
        String path = "/service/GraniteServiceVersion20100801/operation/ListMetrics";
        assertThat(codec.parseRequest(CLOUDWATCH, list, request(path, new byte[0]))).isEmpty();
        assertThat(codec.parseRequest(CLOUDWATCH, list, request(path, hex("bfff")))).isEmpty();
        assertThat(codec.parseRequest(CLOUDWATCH, list, request(path, hex("a0")))).isEmpty();
    }

    @Test
    void rejectsMalformedCborWith400SerializationException() {
        Operation list = CLOUDWATCH.operation("ListMetrics");
        String path = "/service/GraniteServiceVersion20100801/operation/ListMetrics";
        for (String body : List.of("bf 694e616d657370616365", "ff", "a1 69 4e616d65", "1c", "bf ff 00", "64 74657374", "a1 01")) {
            assertThatThrownBy(() -> codec.parseRequest(CLOUDWATCH, list, request(path, hex(body))))
                    .as(body)
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("SerializationException");
                        assertThat(e.httpStatus()).isEqualTo(400);
                    });
        }
    }

    @Test
    void serializesOutputWithTimestampsAsTaggedDoubles() {
        Operation get = CLOUDWATCH.operation("GetMetricData");
        Map<String, Object> output = Map.of("MetricDataResults", List.of(Map.of(
                "Id", "m1", "Label", "Latency", "StatusCode", "Complete",
                "Timestamps", List.of(Instant.parse("2024-05-06T07:08:09.123Z")), "Values", List.of(12.5d))));

        HttpResponse response = codec.serializeResponse(CLOUDWATCH, get, output, "req-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        assertThat(response.headers().first("Content-Type")).isEqualTo("application/cbor");
        assertThat(response.headers().first("x-amzn-RequestId")).isEqualTo("req-1");
        byte[] body = response.bodyBytes();
        // tag 1 (0xc1) followed by a double (0xfb) holding 1714979289.123
        assertThat(body).containsSequence(hex("c1 fb"));
        assertThat(tree(body).at("/MetricDataResults/0/Timestamps/0").doubleValue()).isEqualTo(1714979289.123);
        assertThat(readBack(get, body)).isEqualTo(output);
    }

    @Test
    void serializesBlobsAsByteStrings() {
        Operation image = CLOUDWATCH.operation("GetMetricWidgetImage");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        byte[] body = codec.serializeResponse(CLOUDWATCH, image, Map.of("MetricWidgetImage", png), "r").bodyBytes();
        assertThat(body).isEqualTo(hex("bf 714d6574726963576964676574496d616765 44 89504e47 ff"));
    }

    @Test
    void writesAnEmptyMapForAnEmptyOutputAndNoBodyWithoutOutputShape() {
        HttpResponse empty = codec.serializeResponse(CLOUDWATCH, CLOUDWATCH.operation("ListMetrics"), Map.of(), "r");
        assertThat(empty.bodyBytes()).isEqualTo(hex("bfff"));

        HttpResponse none = codec.serializeResponse(CLOUDWATCH, CLOUDWATCH.operation("PutMetricData"), Map.of(), "r");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.bodyBytes()).isEmpty();
        assertThat(none.headers().contains("Content-Type")).isFalse();
        assertThat(none.headers().first("smithy-protocol")).isEqualTo("rpc-v2-cbor");
    }

    @Test
    void serializesModeledErrorsWithTypeMessageStatusAndQueryErrorHeader() {
        Operation getDashboard = CLOUDWATCH.operation("GetDashboard");
        AwsException error = new AwsException("DashboardNotFoundError", "Dashboard x does not exist", 404, true);

        HttpResponse response = codec.serializeError(CLOUDWATCH, getDashboard, error, "req-2");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().first("x-amzn-query-error")).isEqualTo("ResourceNotFound;Sender");
        assertThat(response.headers().first("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        assertThat(response.headers().first("Content-Type")).isEqualTo("application/cbor");
        JsonNode body = tree(response.bodyBytes());
        assertThat(body.get("__type").asText()).isEqualTo("com.amazonaws.cloudwatch#DashboardNotFoundError");
        assertThat(body.get("message").asText()).isEqualTo("Dashboard x does not exist");
        assertThat(body.size()).isEqualTo(2);
    }

    @Test
    void findsTheErrorShapeFromItsLegacyQueryCode() {
        AwsException error = new AwsException("InvalidParameterValue", "bad value", 400, true);
        HttpResponse response = codec.serializeError(CLOUDWATCH, CLOUDWATCH.operation("PutMetricData"), error, "r");
        assertThat(tree(response.bodyBytes()).get("__type").asText()).endsWith("#InvalidParameterValueException");
        assertThat(response.headers().first("x-amzn-query-error")).isEqualTo("InvalidParameterValue;Sender");
    }

    @Test
    void writesErrorFieldsUnderTheirMemberNames() {
        AwsException error = new AwsException("DashboardInvalidInputError", "invalid dashboard", 400, true,
                Map.of("dashboardValidationMessages", List.of(Map.of("DataPath", "/widgets", "Message", "bad"))));
        JsonNode body = tree(codec.serializeError(CLOUDWATCH, CLOUDWATCH.operation("PutDashboard"), error, "r").bodyBytes());
        assertThat(body.get("message").asText()).isEqualTo("invalid dashboard");
        assertThat(body.at("/dashboardValidationMessages/0/DataPath").asText()).isEqualTo("/widgets");
    }

    @Test
    void serializesUnmodeledErrorsWithTheirOwnStatusAndFault() {
        AwsException error = new AwsException("ThrottlingException", "Rate exceeded", 400, true);
        HttpResponse response = codec.serializeError(CLOUDWATCH, null, error, "r");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().first("x-amzn-query-error")).isEqualTo("ThrottlingException;Sender");
        JsonNode body = tree(response.bodyBytes());
        assertThat(body.get("__type").asText()).isEqualTo("com.amazonaws.cloudwatch#ThrottlingException");
        assertThat(body.get("message").asText()).isEqualTo("Rate exceeded");

        HttpResponse internal = codec.serializeError(CLOUDWATCH, null, AwsException.internal("boom"), "r");
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.headers().first("x-amzn-query-error")).isEqualTo("InternalFailure;Receiver");
    }

    @Test
    void keepsANamespaceTheErrorCodeAlreadyHas() {
        AwsException error = new AwsException("smithy.example#Boom", "b", 400, true);
        assertThat(tree(codec.serializeError(CLOUDWATCH, null, error, "r").bodyBytes()).get("__type").asText())
                .isEqualTo("smithy.example#Boom");
    }

    private Map<String, Object> readBack(Operation operation, byte[] body) {
        try (CBORParser parser = CborTesting.FACTORY.createParser(body)) {
            return new CborShapeReader(CborTimestampEncoding.EPOCH_SECONDS).readStructure(parser, operation.output());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
