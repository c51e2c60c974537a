package io.kasumi.protocol.cbor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kasumi.api.AwsException;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.kasumi.protocol.cbor.CborTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies from the Smithy rpcv2Cbor protocol test suite (smithy-protocol-tests 1.54.0) against a
 * botocore-format rendering of the suite's shapes.
 */
class RpcV2CborProtocolVectorsTest {
    private static final ServiceModel MODEL = CborTesting.model("""
            {'metadata': {'protocol': 'smithy-rpc-v2-cbor', 'protocols': ['smithy-rpc-v2-cbor'],
                          'targetPrefix': 'RpcV2Protocol', 'serviceId': 'RpcV2Protocol'},
             'operations': {
               'SimpleScalarProperties': {'name': 'SimpleScalarProperties',
                   'input': {'shape': 'SimpleScalarStructure'}, 'output': {'shape': 'SimpleScalarStructure'}},
               'SparseNullsOperation': {'name': 'SparseNullsOperation',
                   'input': {'shape': 'SparseNulls'}, 'output': {'shape': 'SparseNulls'}},
               'GreetingWithErrors': {'name': 'GreetingWithErrors', 'output': {'shape': 'Greeting'},
                   'errors': [{'shape': 'InvalidGreeting'}, {'shape': 'ComplexError'}]},
               'OperationWithDefaults': {'name': 'OperationWithDefaults', 'input': {'shape': 'Defaults'},
                   'output': {'shape': 'Defaults'}}},
             'shapes': {
               'SimpleScalarStructure': {'type': 'structure', 'members': {
                 'trueBooleanValue': {'shape': 'Boolean'}, 'falseBooleanValue': {'shape': 'Boolean'},
                 'byteValue': {'shape': 'Byte'}, 'doubleValue': {'shape': 'Double'}, 'floatValue': {'shape': 'Float'},
                 'integerValue': {'shape': 'Integer'}, 'longValue': {'shape': 'Long'}, 'shortValue': {'shape': 'Short'},
                 'stringValue': {'shape': 'String'}, 'blobValue': {'shape': 'Blob'}}},
               'SparseNulls': {'type': 'structure', 'members': {
                 'sparseStringList': {'shape': 'SparseStringList'}, 'sparseStringMap': {'shape': 'SparseStringMap'}}},
               'SparseStringList': {'type': 'list', 'member': {'shape': 'String'}, 'sparse': true},
               'SparseStringMap': {'type': 'map', 'key': {'shape': 'String'}, 'value': {'shape': 'String'}, 'sparse': true},
               'Greeting': {'type': 'structure', 'members': {'greeting': {'shape': 'String'}}},
               'InvalidGreeting': {'type': 'structure', 'members': {'Message': {'shape': 'String'}},
                   'error': {'code': 'InvalidGreeting', 'httpStatusCode': 400, 'senderFault': true}, 'exception': true},
               'ComplexError': {'type': 'structure', 'members': {'TopLevel': {'shape': 'String'},
                   'Nested': {'shape': 'ComplexNestedErrorData'}},
                   'error': {'code': 'ComplexError', 'httpStatusCode': 400, 'senderFault': true}, 'exception': true},
               'ComplexNestedErrorData': {'type': 'structure', 'members': {'Foo': {'shape': 'String'}}},
               'Defaults': {'type': 'structure', 'members': {
                 'defaultString': {'shape': 'String', 'default': 'hi'},
                 'defaultTimestamp': {'shape': 'Timestamp', 'default': 0},
                 'defaultBlob': {'shape': 'Blob', 'default': 'YWJj'},
                 'defaultList': {'shape': 'SparseStringList', 'default': []},
                 'zeroFloat': {'shape': 'Float', 'default': 0.0},
                 'defaultDouble': {'shape': 'Double', 'default': 1.0}}},
               'Boolean': {'type': 'boolean'}, 'Byte': {'type': 'byte'}, 'Double': {'type': 'double'},
               'Float': {'type': 'float'}, 'Integer': {'type': 'integer'}, 'Long': {'type': 'long'},
               'Short': {'type': 'short'}, 'String': {'type': 'string'}, 'Blob': {'type': 'blob'},
               'Timestamp': {'type': 'timestamp'}
             }}
            """);

    private final RpcV2CborCodec codec = new RpcV2CborCodec();

    private Map<String, Object> parse(String operation, String base64) {
        HttpRequest request = HttpRequest.of("POST", "/service/RpcV2Protocol/operation/" + operation,
                HttpHeaders.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor"),
                Base64.getDecoder().decode(base64));
        Operation resolved = codec.resolveOperation(MODEL, request);
        return codec.parseRequest(MODEL, resolved, request);
    }

    private static Map<String, Object> simpleScalars() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("trueBooleanValue", true);
        values.put("falseBooleanValue", false);
        values.put("byteValue", (byte) 5);
        values.put("doubleValue", 1.889d);
        values.put("floatValue", 7.625f);
        values.put("integerValue", 256);
        values.put("longValue", 9873L);
        values.put("shortValue", (short) 9898);
        values.put("stringValue", "simple");
        return values;
    }

    private static void assertSimpleScalars(Map<String, Object> parsed) {
        assertThat(parsed).containsAllEntriesOf(simpleScalars());
        assertThat((byte[]) parsed.get("blobValue")).isEqualTo("foo".getBytes());
    }

    @Test
    void rpcV2CborSimpleScalarProperties() {
        assertSimpleScalars(parse("SimpleScalarProperties",
                "v2lieXRlVmFsdWUFa2RvdWJsZVZhbHVl+z/+OVgQYk3TcWZhbHNlQm9vbGVhblZhbHVl9GpmbG9hdFZhbHVl+kD0AABsaW50ZWdlclZhbHVlGQEAaWxvbmdWYWx1ZRkmkWpzaG9ydFZhbHVlGSaqa3N0cmluZ1ZhbHVlZnNpbXBsZXB0cnVlQm9vbGVhblZhbHVl9WlibG9iVmFsdWVDZm9v/w=="));
    }

    @Test
    void rpcV2CborSimpleScalarPropertiesUsingIndefiniteLength() {
        assertSimpleScalars(parse("SimpleScalarProperties",
                "qmlieXRlVmFsdWUFf2Zkb3VibGVlVmFsdWX/+z/+OVgQYk3Tf2VmYWxzZWdCb29sZWFuZVZhbHVl//RqZmxvYXRWYWx1ZfpA9AAAbGludGVnZXJWYWx1ZRkBAGlsb25nVmFsdWUZJpFqc2hvcnRWYWx1ZRkmqn9mc3RyaW5nZVZhbHVl/2ZzaW1wbGVwdHJ1ZUJvb2xlYW5WYWx1ZfVpYmxvYlZhbHVlQ2Zvbw=="));
    }

    @Test
    void rpcV2CborExtraFieldsInTheBodyShouldBeSkippedByServers() {
        assertSimpleScalars(parse("SimpleScalarProperties",
                "v2lieXRlVmFsdWUFa2RvdWJsZVZhbHVl+z/+OVgQYk3TcWZhbHNlQm9vbGVhblZhbHVl9GpmbG9hdFZhbHVl+kD0AABrZXh0cmFPYmplY3S/c2luZGVmaW5pdGVMZW5ndGhNYXC/a3dpdGhBbkFycmF5nwECA///cWRlZmluaXRlTGVuZ3RoTWFwo3J3aXRoQURlZmluaXRlQXJyYXmDAQIDeB1hbmRTb21lSW5kZWZpbml0ZUxlbmd0aFN0cmluZ3gfdGhhdCBoYXMsIGJlZW4gY2h1bmtlZCBvbiBjb21tYWxub3JtYWxTdHJpbmdjZm9vanNob3J0VmFsdWUZJw9uc29tZU90aGVyRmllbGR2dGhpcyBzaG91bGQgYmUgc2tpcHBlZP9saW50ZWdlclZhbHVlGQEAaWxvbmdWYWx1ZRkmkWpzaG9ydFZhbHVlGSaqa3N0cmluZ1ZhbHVlZnNpbXBsZXB0cnVlQm9vbGVhblZhbHVl9WlibG9iVmFsdWVDZm9v/w=="));
    }

    @Test
    void rpcV2CborSupportsUpcastingData() {
        assertThat(parse("SimpleScalarProperties",
                "v2tkb3VibGVWYWx1Zfk+AGpmbG9hdFZhbHVl+UegbGludGVnZXJWYWx1ZRg4aWxvbmdWYWx1ZRkBAGpzaG9ydFZhbHVlCv8="))
                .isEqualTo(Map.of("doubleValue", 1.5d, "floatValue", 7.625f, "integerValue", 56,
                        "longValue", 256L, "shortValue", (short) 10));
    }

    @Test
    void rpcV2CborServerDoesntDeSerializeNullStructureValues() {
        assertThat(parse("SimpleScalarProperties", "v2tzdHJpbmdWYWx1Zfb/")).isEmpty();
    }

    @Test
    void rpcV2CborIndefiniteLengthStringsCanBeDeserialized() {
        assertThat(parse("SimpleScalarProperties",
                "oWtzdHJpbmdWYWx1ZX94HUFuIGV4YW1wbGUgaW5kZWZpbml0ZSBzdHJpbmcscSBjaHVua2VkIG9uIGNvbW1h/w=="))
                .containsEntry("stringValue", "An example indefinite string, chunked on comma");
    }

    @Test
    void noInputServerAllowsEmptyCborAndEmptyBody() {
        // built directly: operations without input are what the suite's NoInputOutput models
        Operation noInput = new Operation("NoInputOutput", "POST", "/", 200, null, null, null, List.of(), null, Map.of());
        for (String body : List.of("v/8=", "")) {
            HttpRequest request = HttpRequest.of("POST", "/service/RpcV2Protocol/operation/NoInputOutput",
                    HttpHeaders.of("smithy-protocol", "rpc-v2-cbor"), Base64.getDecoder().decode(body));
            assertThat(codec.parseRequest(MODEL, noInput, request)).isEmpty();
        }
        HttpResponse response = codec.serializeResponse(MODEL, noInput, Map.of(), "r");
        assertThat(response.bodyBytes()).isEmpty();
        assertThat(response.headers().contains("Content-Type")).isFalse();
    }

    @Test
    void rpcV2CborSparseListsAndMapsKeepNulls() {
        Map<String, Object> parsed = parse("SparseNullsOperation", "v3BzcGFyc2VTdHJpbmdMaXN0n/b//w==");
        assertThat(parsed.get("sparseStringList")).isEqualTo(Collections.singletonList(null));
        assertThat(parse("SparseNullsOperation", "v29zcGFyc2VTdHJpbmdNYXC/Y2Zvb/b//w==").get("sparseStringMap"))
                .isEqualTo(Collections.singletonMap("foo", null));
    }

    @Test
    void rpcV2CborSimpleScalarPropertiesResponseIsByteExact() {
        Map<String, Object> output = simpleScalars();
        output.remove("longValue");
        output.put("blobValue", "foo".getBytes());
        HttpResponse response = codec.serializeResponse(MODEL, MODEL.operation("SimpleScalarProperties"), output, "r");
        assertThat(Base64.getEncoder().encodeToString(response.bodyBytes())).isEqualTo(
                "v3B0cnVlQm9vbGVhblZhbHVl9XFmYWxzZUJvb2xlYW5WYWx1ZfRpYnl0ZVZhbHVlBWtkb3VibGVWYWx1Zfs//jlYEGJN02pmbG9hdFZhbHVl+kD0AABsaW50ZWdlclZhbHVlGQEAanNob3J0VmFsdWUZJqprc3RyaW5nVmFsdWVmc2ltcGxlaWJsb2JWYWx1ZUNmb2//");
    }

    @Test
    void rpcV2CborSupportsNaNAndInfinityOutputs() {
        Map<String, Object> output = Map.of("doubleValue", Double.NaN, "floatValue", Float.NaN);
        assertThat(Base64.getEncoder().encodeToString(codec.serializeResponse(MODEL,
                MODEL.operation("SimpleScalarProperties"), output, "r").bodyBytes()))
                .isEqualTo("v2tkb3VibGVWYWx1Zft/+AAAAAAAAGpmbG9hdFZhbHVl+n/AAAD/");
        output = Map.of("doubleValue", Double.NEGATIVE_INFINITY, "floatValue", Float.NEGATIVE_INFINITY);
        assertThat(Base64.getEncoder().encodeToString(codec.serializeResponse(MODEL,
                MODEL.operation("SimpleScalarProperties"), output, "r").bodyBytes()))
                .isEqualTo("v2tkb3VibGVWYWx1Zfv/8AAAAAAAAGpmbG9hdFZhbHVl+v+AAAD/");
    }

    @Test
    void rpcV2CborSparseListsSerializeNull() {
        List<Object> list = new java.util.ArrayList<>();
        list.add(null);
        assertThat(Base64.getEncoder().encodeToString(codec.serializeResponse(MODEL,
                MODEL.operation("SparseNullsOperation"), Map.of("sparseStringList", list), "r").bodyBytes()))
                .isEqualTo("v3BzcGFyc2VTdHJpbmdMaXN0n/b//w==");
    }

    @Test
    void rpcV2CborInvalidGreetingError() {
        AwsException error = new AwsException("InvalidGreeting", "Hi", 400, true, Map.of("Message", "Hi"));
        HttpResponse response = codec.serializeError(MODEL, MODEL.operation("GreetingWithErrors"), error, "r");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().contains("x-amzn-query-error")).isFalse();
        ObjectNode expected = (ObjectNode) tree(Base64.getDecoder().decode(
                "v2ZfX3R5cGV4LnNtaXRoeS5wcm90b2NvbHRlc3RzLnJwY3YyQ2JvciNJbnZhbGlkR3JlZXRpbmdnTWVzc2FnZWJIaf8="));
        // botocore models carry no Smithy namespace: the AWS convention stands in for the suite's
        expected.put("__type", "com.amazonaws.rpcv2protocol#InvalidGreeting");
        assertThat(tree(response.bodyBytes())).isEqualTo(expected);
    }

    @Test
    void rpcV2CborComplexErrorWithTheSuiteNamespace() {
        AwsException error = new AwsException("smithy.protocoltests.rpcv2Cbor#ComplexError", null, 400, true,
                Map.of("TopLevel", "Top level", "Nested", Map.of("Foo", "bar")));
        HttpResponse response = codec.serializeError(MODEL, MODEL.operation("GreetingWithErrors"), error, "r");
        assertThat(tree(response.bodyBytes())).isEqualTo(tree(Base64.getDecoder().decode(
                "v2ZfX3R5cGV4K3NtaXRoeS5wcm90b2NvbHRlc3RzLnJwY3YyQ2JvciNDb21wbGV4RXJyb3JoVG9wTGV2ZWxpVG9wIGxldmVsZk5lc3RlZL9jRm9vY2Jhcv//")));
    }

    @Test
    void serverPopulatesDefaultsInRequestsAndResponses() {
        Map<String, Object> parsed = parse("OperationWithDefaults", "v/8=");
        assertThat(parsed).containsEntry("defaultString", "hi").containsEntry("defaultTimestamp", Instant.EPOCH)
                .containsEntry("defaultList", List.of()).containsEntry("zeroFloat", 0.0f).containsEntry("defaultDouble", 1.0d);
        assertThat((byte[]) parsed.get("defaultBlob")).isEqualTo("abc".getBytes());

        byte[] body = codec.serializeResponse(MODEL, MODEL.operation("OperationWithDefaults"), Map.of(), "r").bodyBytes();
        assertThat(tree(body).get("defaultTimestamp").doubleValue()).isZero();
        assertThat(tree(body).get("defaultString").asText()).isEqualTo("hi");
    }
}
