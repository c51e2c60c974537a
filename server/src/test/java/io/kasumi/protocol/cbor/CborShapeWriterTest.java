package io.kasumi.protocol.cbor;

import io.kasumi.model.ServiceModel;
import io.kasumi.model.StructureShape;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.kasumi.protocol.cbor.CborTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;

class CborShapeWriterTest {
    private static final ServiceModel MODEL = CborTesting.model("""
            {'metadata': {'protocol': 'smithy-rpc-v2-cbor'}, 'operations': {},
             'shapes': {
               'Values': {'type': 'structure', 'members': {
                 'y': {'shape': 'Byte'}, 'i': {'shape': 'Int'}, 'l': {'shape': 'Long'}, 'f': {'shape': 'Float'},
                 'd': {'shape': 'Double'}, 'bi': {'shape': 'BigInt'}, 'bd': {'shape': 'BigDec'}, 't': {'shape': 'Time'},
                 'list': {'shape': 'StrList'}, 'sparse': {'shape': 'SparseList'}}},
               'Byte': {'type': 'byte'}, 'Int': {'type': 'integer'}, 'Long': {'type': 'long'},
               'Float': {'type': 'float'}, 'Double': {'type': 'double'}, 'BigInt': {'type': 'bigInteger'},
               'BigDec': {'type': 'bigDecimal'}, 'Time': {'type': 'timestamp'}, 'Str': {'type': 'string'},
               'StrList': {'type': 'list', 'member': {'shape': 'Str'}},
               'SparseList': {'type': 'list', 'member': {'shape': 'Str'}, 'sparse': true}
             }}
            """);
    private static final StructureShape VALUES = (StructureShape) MODEL.shape("Values");

    private final CborShapeWriter writer = new CborShapeWriter(CborTimestampEncoding.EPOCH_SECONDS);

    private byte[] write(Map<String, Object> values) {
        return CborTesting.cbor(g -> writer.writeStructure(g, VALUES, values));
    }

    @Test
    void writesIntegersInTheirShortestForm() {
        assertThat(write(Map.of("y", (byte) 1))).isEqualTo(hex("bf 6179 01 ff"));
        assertThat(write(Map.of("l", 1L))).isEqualTo(hex("bf 616c 01 ff"));
        assertThat(write(Map.of("i", -500))).isEqualTo(hex("bf 6169 3901f3 ff"));
        assertThat(write(Map.of("l", 1L << 40))).isEqualTo(hex("bf 616c 1b0000010000000000 ff"));
    }

    @Test
    void writesFloatsAsSinglePrecisionAndDoublesAsDoublePrecision() {
        assertThat(write(Map.of("f", 7.625f))).isEqualTo(hex("bf 6166 fa40f40000 ff"));
        assertThat(write(Map.of("d", 1.5d))).isEqualTo(hex("bf 6164 fb3ff8000000000000 ff"));
        // a number of another box is written in the modeled width
        assertThat(write(Map.of("f", 7.625d))).isEqualTo(hex("bf 6166 fa40f40000 ff"));
    }

    @Test
    void writesTimestampsAsTagOneDoubleSeconds() {
        assertThat(write(Map.of("t", Instant.ofEpochMilli(1500))))
                .isEqualTo(hex("bf 6174 c1 fb3ff8000000000000 ff"));
        assertThat(CborTesting.cbor(g -> new CborShapeWriter(CborTimestampEncoding.EPOCH_MILLIS)
                .writeStructure(g, VALUES, Map.of("t", Instant.ofEpochMilli(1500)))))
                .isEqualTo(hex("bf 6174 c1 1905dc ff"));
    }

    @Test
    void writesBigNumbersUnderTagsTwoThreeAndFour() {
        assertThat(write(Map.of("bi", new BigInteger("18446744073709551616"))))
                .isEqualTo(hex("bf 6262 69 c249010000000000000000 ff"));
        assertThat(write(Map.of("bi", new BigInteger("-18446744073709551617"))))
                .isEqualTo(hex("bf 6262 69 c349010000000000000000 ff"));
        assertThat(write(Map.of("bd", new BigDecimal("273.15"))))
                .isEqualTo(hex("bf 6262 64 c48221196ab3 ff"));
    }

    @Test
    void leavesOutNullsExceptInSparseLists() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("i", null);
        values.put("list", Arrays.asList("a", null));
        values.put("sparse", Arrays.asList("a", null));
        assertThat(write(values)).isEqualTo(hex("bf 646c697374 9f 6161 ff 66737061727365 9f 6161 f6 ff ff"));
    }

    @Test
    void writesMembersInModelOrderAndIgnoresUnmodeledKeys() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("l", 2L);
        values.put("nope", "x");
        values.put("y", (byte) 1);
        assertThat(write(values)).isEqualTo(hex("bf 6179 01 616c 02 ff"));
        assertThat(write(Map.of("list", List.of()))).isEqualTo(hex("bf 646c697374 9f ff ff"));
    }
}
