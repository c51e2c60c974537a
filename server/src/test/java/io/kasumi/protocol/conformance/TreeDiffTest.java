package io.kasumi.protocol.conformance;

import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.model.StructureShape;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TreeDiffTest {
    private static final ServiceModel MODEL = ServiceModelLoader.fromTree("Test", Map.of(
            "metadata", Map.of("protocol", "rest-json"),
            "operations", Map.of(),
            "shapes", Map.of(
                    "Input", Map.of("type", "structure", "members", Map.of(
                            "count", Map.of("shape", "Integer"),
                            "ratio", Map.of("shape", "Double"),
                            "data", Map.of("shape", "Blob"),
                            "tags", Map.of("shape", "Tags"),
                            "headerTags", Map.of("shape", "Tags", "location", "header", "locationName", "X-Tags"))),
                    "Integer", Map.of("type", "integer"),
                    "Double", Map.of("type", "double"),
                    "Blob", Map.of("type", "blob"),
                    "String", Map.of("type", "string"),
                    "Tags", Map.of("type", "list", "member", Map.of("shape", "String")))));
    private static final StructureShape INPUT = (StructureShape) MODEL.shape("Input");

    private static List<String> diff(Map<String, Object> expected, Map<String, Object> actual) {
        return TreeDiff.of(ConformanceProtocol.REST_JSON_1, INPUT, expected, actual);
    }

    @Test
    void nanEqualsNanAndBlobsCompareByContent() {
        assertThat(diff(Map.of("ratio", Double.NaN, "data", "ab".getBytes(StandardCharsets.UTF_8)),
                Map.of("ratio", Double.NaN, "data", new byte[] {'a', 'b'}))).isEmpty();
    }

    @Test
    void scalarsMustHaveTheContractsJavaType() {
        assertThat(diff(Map.of("count", 3), Map.of("count", 3L)))
                .containsExactly("$.count: expected Integer 3, got Long 3");
    }

    @Test
    void absentEqualsEmptyOnlyWhereTheWireCannotTellThemApart() {
        assertThat(diff(Map.of("headerTags", List.of()), Map.of())).isEmpty();
        assertThat(diff(Map.of("tags", List.of()), Map.of())).containsExactly("$.tags: expected [], got null");
    }

    @Test
    void unknownMembersAreReported() {
        assertThat(diff(Map.of(), Map.of("bogus", "x"))).containsExactly("$.bogus: not a member of Input");
    }
}
