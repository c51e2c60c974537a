package io.kasumi.protocol.cbor;

import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.kasumi.api.AwsException;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.StructureShape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.kasumi.protocol.cbor.CborTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CborShapeReaderTest {
    private static final ServiceModel MODEL = CborTesting.model("""
            {'metadata': {'protocol': 'smithy-rpc-v2-cbor', 'targetPrefix': 'Svc'},
             'operations': {},
             'shapes': {
               'Values': {'type': 'structure', 'members': {
                 's': {'shape': 'Str'}, 'b': {'shape': 'Bool'}, 'y': {'shape': 'Byte'}, 'h': {'shape': 'Short'},
                 'i': {'shape': 'Int'}, 'l': {'shape': 'Long'}, 'f': {'shape': 'Float'}, 'd': {'shape': 'Double'},
                 'bi': {'shape': 'BigInt'}, 'bd': {'shape': 'BigDec'}, 'blob': {'shape': 'Blob'}, 't': {'shape': 'Time'},
                 'list': {'shape': 'StrList'}, 'sparse': {'shape': 'SparseList'}, 'map': {'shape': 'StrMap'},
                 'sparseMap': {'shape': 'SparseMap'}, 'nested': {'shape': 'Values'}}},
               'Str': {'type': 'string'}, 'Bool': {'type': 'boolean'}, 'Byte': {'type': 'byte'},
               'Short': {'type': 'short'}, 'Int': {'type': 'integer'}, 'Long': {'type': 'long'},
               'Float': {'type': 'float'}, 'Double': {'type': 'double'}, 'BigInt': {'type': 'bigInteger'},
               'BigDec': {'type': 'bigDecimal'}, 'Blob': {'type': 'blob'}, 'Time': {'type': 'timestamp'},
               'StrList': {'type': 'list', 'member': {'shape': 'Str'}},
               'SparseList': {'type': 'list', 'member': {'shape': 'Str'}, 'sparse': true},
               'StrMap': {'type': 'map', 'key': {'shape': 'Str'}, 'value': {'shape': 'Str'}},
               'SparseMap': {'type': 'map', 'key': {'shape': 'Str'}, 'value': {'shape': 'Str'}, 'sparse': true}
             }}
            """);
    private static final StructureShape VALUES = (StructureShape) MODEL.shape("Values");

    private final CborShapeReader reader = new CborShapeReader(CborTimestampEncoding.EPOCH_SECONDS);

    private Map<String, Object> read(String hex) {
        try (CBORParser parser = CborTesting.FACTORY.createParser(hex(hex))) {
            return reader.readStructure(parser, VALUES);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsIndefiniteLengthMapsArraysAndStrings() {
        // {_ "s": (_ "ab", "c"), "list": [_ "x", (_ "y", "z")]}
        Map<String, Object> values = read("bf 6173 7f 626162 6163 ff 646c697374 9f 6178 7f 6179 617a ff ff ff");
        assertThat(values).containsEntry("s", "abc").containsEntry("list", List.of("x", "yz"));
    }

    @Test
    void readsIndefiniteLengthByteStrings() {
        // {"blob": (_ h'6869', h'21')}
        assertThat((byte[]) read("a1 64626c6f62 5f 426869 4121 ff").get("blob")).isEqualTo("hi!".getBytes());
    }

    @Test
    void widensHalfPrecisionFloats() {
        // {"f": 7.625 as f16, "d": 1.5 as f16}
        Map<String, Object> values = read("a2 6166 f947a0 6164 f93e00");
        assertThat(values).containsEntry("f", 7.625f).containsEntry("d", 1.5d);
    }

    @Test
    void readsHalfPrecisionInfinityNaNAndSubnormals() {
        assertThat(read("a1 6164 f97c00").get("d")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read("a1 6164 f9fc00").get("d")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) read("a1 6164 f97e00").get("d")).isNaN();
        assertThat((Double) read("a1 6164 f97c01").get("d")).isNaN();
        assertThat(read("a1 6164 f90050").get("d")).isEqualTo(0.00000476837158203125d);
    }

    @Test
    void readsSingleAndDoublePrecisionNonFiniteValues() {
        Map<String, Object> values = read("a2 6164 fb7ff8000000000000 6166 fa7fc00000");
        assertThat((Double) values.get("d")).isNaN();
        assertThat((Float) values.get("f")).isNaN();
        assertThat(read("a1 6166 faff800000").get("f")).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void upcastsSmallIntegerEncodingsToTheModeledWidth() {
        // {"y": 5, "h": 10, "i": 56 (1-byte), "l": 256 (2-byte)}
        Map<String, Object> values = read("a4 6179 05 6168 0a 6169 1838 616c 190100");
        assertThat(values).containsEntry("y", (byte) 5).containsEntry("h", (short) 10)
                .containsEntry("i", 56).containsEntry("l", 256L);
    }

    @Test
    void acceptsIntegersForFloatingPointMembers() {
        assertThat(read("a1 6164 190100").get("d")).isEqualTo(256.0d);
    }

    @Test
    void rejectsIntegersOutOfTheModeledRange() {
        assertThatThrownBy(() -> read("a1 6179 190100")).isInstanceOf(AwsException.class)
                .hasFieldOrPropertyWithValue("code", "SerializationException");
        assertThatThrownBy(() -> read("a1 6169 1b0000000100000000")).isInstanceOf(AwsException.class);
        // 2^64 as a bignum does not fit a long
        assertThatThrownBy(() -> read("a1 616c c249010000000000000000")).isInstanceOf(AwsException.class);
    }

    @Test
    void readsTagOneTimestampsAsIntegerOrFloatingSeconds() {
        assertThat(read("a1 6174 c11a5a0bd3c0").get("t")).isEqualTo(Instant.ofEpochSecond(1510724544));
        // 946845296.123 as a double rounds to the millisecond
        assertThat(read("a1 6174 c1fb41cc37db380fbe77").get("t")).isEqualTo(Instant.parse("2000-01-02T20:34:56.123Z"));
        // single precision and untagged values are accepted too
        assertThat(read("a1 6174 c1fa47c35000").get("t")).isEqualTo(Instant.ofEpochSecond(100000));
        assertThat(read("a1 6174 00").get("t")).isEqualTo(Instant.EPOCH);
    }

    @Test
    void rejectsTimestampsUnderOtherTagsOrNotNumbers() {
        assertThatThrownBy(() -> read("a1 6174 c06474657874")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> read("a1 6174 c01a5a0bd3c0")).isInstanceOf(AwsException.class);
    }

    @Test
    void readsBigNumbersFromTagsTwoThreeAndFour() {
        Map<String, Object> values = read("a2 6262 69 c249010000000000000000 6262 64 c48221196ab3");
        assertThat(values.get("bi")).isEqualTo(new BigInteger("18446744073709551616"));
        assertThat(values.get("bd")).isEqualTo(new BigDecimal("273.15"));
        assertThat(read("a1 626269 c349010000000000000000").get("bi")).isEqualTo(new BigInteger("-18446744073709551617"));
    }

    @Test
    void dropsNullsInStructuresAndDenseCollectionsButKeepsThemInSparseOnes() {
        // {"s": null, "list": ["a", null], "sparse": ["a", null], "map": {"k": null}, "sparseMap": {"k": null}}
        Map<String, Object> values = read("a5 6173 f6 646c697374 82 6161 f6 66737061727365 82 6161 f6"
                + " 636d6170 a1 616b f6 69737061727365 4d6170 a1 616b f6");
        assertThat(values).doesNotContainKey("s");
        assertThat(values.get("list")).isEqualTo(List.of("a"));
        assertThat(values.get("sparse")).isEqualTo(Arrays.asList("a", null));
        assertThat((Map<?, ?>) values.get("map")).isEmpty();
        assertThat(values.get("sparseMap")).isEqualTo(Collections.singletonMap("k", null));
    }

    @Test
    void readsUndefinedAsNull() {
        assertThat(read("a1 6173 f7")).doesNotContainKey("s");
        assertThat(read("a1 66737061727365 81 f7").get("sparse")).isEqualTo(Collections.singletonList(null));
    }

    @Test
    void skipsUnknownKeysWithNestedIndefiniteContent() {
        // {"zz": {_ "a": [_ 1, 2], "b": (_ "x")}, "i": 1}
        Map<String, Object> values = read("a2 627a7a bf 6161 9f 01 02 ff 6162 7f 6178 ff ff 6169 01");
        assertThat(values).containsOnlyKeys("i").containsEntry("i", 1);
    }

    @Test
    void readsRecursiveStructures() {
        Map<String, Object> values = read("a1 666e6573746564 a1 666e6573746564 a1 6173 6161");
        assertThat(values).isEqualTo(Map.of("nested", Map.of("nested", Map.of("s", "a"))));
    }

    @Test
    void rejectsValuesOfTheWrongMajorType() {
        assertThatThrownBy(() -> read("a1 6173 01")).isInstanceOf(AwsException.class).hasMessageContaining("Str");
        assertThatThrownBy(() -> read("a1 6162 6474727565")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> read("a1 6169 f93e00")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> read("a1 64626c6f62 6178")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> read("a1 646c697374 a0")).isInstanceOf(AwsException.class);
        assertThatThrownBy(() -> read("82 01 02")).isInstanceOf(AwsException.class);
    }

    @Test
    void readsBlobsAsByteStrings() {
        assertThat((byte[]) read("a1 64626c6f62 43666f6f").get("blob")).isEqualTo("foo".getBytes());
    }

    @Test
    void readsEpochMillisecondsInTheAwsJsonDialect() throws IOException {
        CborShapeReader millis = new CborShapeReader(CborTimestampEncoding.EPOCH_MILLIS);
        try (CBORParser parser = CborTesting.FACTORY.createParser(hex("a1 6174 c11b0000015fbe331da8"))) {
            assertThat(millis.readStructure(parser, VALUES).get("t")).isEqualTo(Instant.ofEpochMilli(1510724541_864L));
        }
    }
}
