package io.kasumi.protocol.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.api.AwsException;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.model.StructureShape;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reader and writer on hand-made models, for traits the vendored models do not use. */
class JsonBodyReaderTest {
    private static final StructureShape SHAPE = (StructureShape) ServiceModelLoader.fromTree("t", Map.of(
            "metadata", Map.of("protocol", "json"),
            "shapes", Map.of(
                    "Input", Map.of("type", "structure", "members", Map.of(
                            "Ratio", Map.of("shape", "Double"),
                            "When", Map.of("shape", "Time", "locationName", "when"),
                            "Iso", Map.of("shape", "IsoTime"),
                            "Choice", Map.of("shape", "Choice"),
                            "Doc", Map.of("shape", "Doc"),
                            "Sparse", Map.of("shape", "SparseList"))),
                    "Double", Map.of("type", "double"),
                    "Time", Map.of("type", "timestamp"),
                    "IsoTime", Map.of("type", "timestamp", "timestampFormat", "iso8601"),
                    "Str", Map.of("type", "string"),
                    "Choice", Map.of("type", "structure", "union", true, "members", Map.of(
                            "a", Map.of("shape", "Str"), "b", Map.of("shape", "Str"))),
                    "Doc", Map.of("type", "structure", "document", true, "members", Map.of()),
                    "SparseList", Map.of("type", "list", "sparse", true, "member", Map.of("shape", "Str")))))
            .shape("Input");
    private final JsonBodyReader reader = new JsonBodyReader();

    private Map<String, Object> read(String json) {
        return reader.readBody(json.getBytes(StandardCharsets.UTF_8), SHAPE, m -> true);
    }

    @Test
    void roundTripsTraitsTheWireNeeds() throws Exception {
        String json = "{\"Ratio\":\"NaN\",\"when\":1.5,\"Iso\":\"2019-12-16T23:48:18Z\",\"Choice\":{\"b\":\"x\"},"
                + "\"Doc\":{\"n\":[1,2.5,null,true]},\"Sparse\":[\"a\",null]}";
        Map<String, Object> values = read(json);
        assertThat((Double) values.get("Ratio")).isNaN();
        assertThat(values.get("Choice")).isEqualTo(Map.of("b", "x"));
        assertThat(values.get("Sparse")).asList().containsExactly("a", null);
        String written = new String(JsonBodyWriter.write(SHAPE, values, m -> true), StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(written)).isEqualTo(mapper.readTree(json));
    }

    @Test
    void rejectsUnionsWithoutExactlyOneMember() {
        assertThatThrownBy(() -> read("{\"Choice\":{}}")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> read("{\"Choice\":{\"a\":\"x\",\"b\":\"y\"}}")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> read("{\"Choice\":{\"zzz\":\"x\"}}")).isInstanceOf(AwsException.class);
    }

    @Test
    void rejectsNullItemsOfDenseCollections() {
        Map<String, Object> dynamo = new JsonBodyReader().readBody("{\"Item\":{}}".getBytes(StandardCharsets.UTF_8),
                ServiceModelLoader.loadResource("dynamodb").operation("PutItem").input(), m -> true);
        assertThat(dynamo).containsKey("Item");
        assertThatThrownBy(() -> new JsonBodyReader().readBody("{\"Item\":{\"a\":null}}".getBytes(StandardCharsets.UTF_8),
                ServiceModelLoader.loadResource("dynamodb").operation("PutItem").input(), m -> true))
                .isInstanceOf(AwsException.class);
    }

    @Test
    void rejectsTimestampsOfTheWrongForm() {
        assertThatThrownBy(() -> read("{\"when\":\"1.5\"}")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> read("{\"Iso\":1576540098}")).isInstanceOf(AwsException.class);
    }
}
