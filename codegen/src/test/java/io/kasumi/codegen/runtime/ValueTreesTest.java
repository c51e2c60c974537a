package io.kasumi.codegen.runtime;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ValueTreesTest {

    @Test
    void readsAbsentValuesAsNull() {
        assertThat(ValueTrees.string(null)).isNull();
        assertThat(ValueTrees.int32(null)).isNull();
        assertThat(ValueTrees.bigDecimal(null)).isNull();
        assertThat(ValueTrees.list(null, ValueTrees::string)).isNull();
        assertThat(ValueTrees.map(null, ValueTrees::string)).isNull();
        assertThat(ValueTrees.<Object>structure(null, tree -> tree)).isNull();
        assertThat(ValueTrees.<Object>eventStream(null, tree -> tree)).isNull();
    }

    @Test
    void acceptsAnyBoxedNumberForNumericMembers() {
        assertThat(ValueTrees.int32(7L)).isEqualTo(7);
        assertThat(ValueTrees.int64(7)).isEqualTo(7L);
        assertThat(ValueTrees.float64(1.5f)).isEqualTo(1.5d);
        assertThat(ValueTrees.bigInteger(12L)).isEqualTo(BigInteger.valueOf(12));
        assertThat(ValueTrees.bigDecimal(0.1d)).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void keepsNullElementsOfSparseListsAndMaps() {
        List<Object> sparse = Arrays.asList("a", null);
        assertThat(ValueTrees.list(sparse, ValueTrees::string)).containsExactly("a", null);
        assertThat(ValueTrees.listTree(Arrays.asList(1, null), i -> i + 1)).containsExactly(2, null);
        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("k", null);
        assertThat(ValueTrees.mapTree(withNull, Object::toString)).containsEntry("k", null);
    }

    @Test
    void convertsEventStreamsLazily() {
        int[] pulled = {0};
        Stream<Map<String, Object>> events = Stream.of(Map.<String, Object>of("n", 1), Map.<String, Object>of("n", 2))
                .peek(e -> pulled[0]++);
        Stream<Object> read = ValueTrees.eventStream(events, tree -> tree.get("n"));
        assertThat(pulled[0]).isZero();
        assertThat(read.toList()).containsExactly(1, 2);
    }

    @Test
    void answersAnEmptyTreeForANullOutput() {
        assertThat(ValueTrees.output(null, (String s) -> Map.of("x", s))).isEmpty();
        assertThat(ValueTrees.output("v", (String s) -> Map.of("x", s))).isEqualTo(Map.of("x", "v"));
    }
}
