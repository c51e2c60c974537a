package io.kasumi.protocol.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.model.StructureShape;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Smithy's uniqueItems on lists: which elements count as repeated, and how the violation reads. */
class UniqueItemsTest {
    private static final ServiceModel SETS = model("""
            {
              "metadata": {"protocol": "rest-json", "serviceId": "Sets", "endpointPrefix": "sets"},
              "operations": {"Put": {"name": "Put", "input": {"shape": "PutInput"}}},
              "shapes": {
                "PutInput": {"type": "structure", "members": {
                  "Strings": {"shape": "StringSet"},
                  "Plain": {"shape": "StringList"},
                  "Blobs": {"shape": "BlobSet"},
                  "Times": {"shape": "TimeSet"},
                  "Decimals": {"shape": "DecimalSet"},
                  "Lists": {"shape": "ListSet"},
                  "Items": {"shape": "ItemSet"},
                  "Small": {"shape": "SmallSet"},
                  "Nested": {"shape": "NestedSets"}
                }},
                "StringSet": {"type": "list", "member": {"shape": "Text"}, "uniqueItems": true},
                "StringList": {"type": "list", "member": {"shape": "Text"}},
                "BlobSet": {"type": "list", "member": {"shape": "Data"}, "uniqueItems": true},
                "TimeSet": {"type": "list", "member": {"shape": "Time"}, "uniqueItems": true},
                "DecimalSet": {"type": "list", "member": {"shape": "Decimal"}, "uniqueItems": true},
                "ListSet": {"type": "list", "member": {"shape": "StringList"}, "uniqueItems": true},
                "ItemSet": {"type": "list", "member": {"shape": "Item"}, "uniqueItems": true},
                "SmallSet": {"type": "list", "member": {"shape": "Text"}, "max": 1, "uniqueItems": true},
                "NestedSets": {"type": "list", "member": {"shape": "StringSet"}},
                "Item": {"type": "structure", "members": {
                  "Name": {"shape": "Text"},
                  "Data": {"shape": "Data"}
                }},
                "Text": {"type": "string"},
                "Data": {"type": "blob"},
                "Time": {"type": "timestamp"},
                "Decimal": {"type": "bigDecimal"}
              }
            }
            """);
    private static final StructureShape PUT = SETS.operation("Put").input();

    private static ServiceModel model(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = new ObjectMapper().readValue(json, Map.class);
            return ServiceModelLoader.fromTree("sets", tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> violations(String member, Object value) {
        return ModelValidator.forService(SETS).validate(PUT, Map.of(member, value)).stream()
                .map(Violation::describe).toList();
    }

    @Test
    void rejectsARepeatedString() {
        assertThat(violations("Strings", List.of("abc", "def", "abc"))).containsExactly(
                "Value '[abc, def, abc]' at 'strings' failed to satisfy constraint: Member must have unique values");
    }

    @Test
    void acceptsDistinctElementsAndListsWithoutTheTrait() {
        assertThat(violations("Strings", List.of("abc", "ABC", "abc "))).isEmpty();
        assertThat(violations("Strings", List.of())).isEmpty();
        assertThat(violations("Plain", List.of("abc", "abc"))).isEmpty();
    }

    @Test
    void comparesBlobsByContent() {
        assertThat(violations("Blobs", List.of(new byte[] {1, 2}, new byte[] {1, 2}))).hasSize(1);
        assertThat(violations("Blobs", List.of(new byte[] {1, 2}, new byte[] {2, 1}))).isEmpty();
    }

    @Test
    void comparesTimestampsByInstant() {
        Instant instant = Instant.parse("1985-04-12T23:20:50.520Z");

        assertThat(violations("Times", List.of(instant, Instant.ofEpochMilli(instant.toEpochMilli())))).hasSize(1);
        assertThat(violations("Times", List.of(instant, instant.plusNanos(1)))).isEmpty();
    }

    @Test
    void comparesBigDecimalsByValue() {
        assertThat(violations("Decimals", List.of(new BigDecimal("1.0"), new BigDecimal("1.00")))).hasSize(1);
        assertThat(violations("Decimals", List.of(new BigDecimal("0"), new BigDecimal("0.000")))).hasSize(1);
        assertThat(violations("Decimals", List.of(new BigDecimal("1.0"), new BigDecimal("1.01")))).isEmpty();
    }

    @Test
    void comparesListsElementByElementInOrder() {
        assertThat(violations("Lists", List.of(List.of("foo", "bar"), List.of("foo", "bar")))).hasSize(1);
        assertThat(violations("Lists", List.of(List.of("foo", "bar"), List.of("bar", "foo")))).isEmpty();
    }

    @Test
    void comparesStructuresByMemberValuesBlobsIncluded() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("Name", "a");
        first.put("Data", new byte[] {7});
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("Data", new byte[] {7});
        second.put("Name", "a");

        assertThat(violations("Items", List.of(first, second))).containsExactly(
                "Value '[Item(name=a, data=java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]), "
                        + "Item(name=a, data=java.nio.HeapByteBuffer[pos=0 lim=1 cap=1])]' at 'items' "
                        + "failed to satisfy constraint: Member must have unique values");
        assertThat(violations("Items", List.of(Map.of("Name", "a"), Map.of("Name", "a", "Data", new byte[0]))))
                .isEmpty();
    }

    @Test
    void treatsRepeatedNullsOfASparseListAsRepeated() {
        assertThat(violations("Strings", Arrays.asList(null, "a", null))).hasSize(1);
    }

    @Test
    void reportsSizeBeforeUniqueness() {
        assertThat(violations("Small", List.of("a", "a"))).containsExactly(
                "Value '[a, a]' at 'small' failed to satisfy constraint: Member must have length less than or equal to 1",
                "Value '[a, a]' at 'small' failed to satisfy constraint: Member must have unique values");
    }

    @Test
    void reportsARepeatInAnElementListOnceAtTheOuterList() {
        assertThat(violations("Nested", List.of(List.of("a"), List.of("b", "b")))).containsExactly(
                "Value '[[a], [b, b]]' at 'nested' failed to satisfy constraint: "
                        + "Member must satisfy constraint: [Member must have unique values]");
    }
}
