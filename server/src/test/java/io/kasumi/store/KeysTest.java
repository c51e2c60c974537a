package io.kasumi.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysTest {

    /** Short parts over a small alphabet that includes the bytes the encoding treats specially. */
    @Provide
    Arbitrary<List<byte[]>> tuples() {
        Arbitrary<byte[]> part = Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x02, (byte) 0x7F,
                        (byte) 0x80, (byte) 0xFE, (byte) 0xFF, (byte) 'a')
                .array(byte[].class).ofMaxSize(5);
        return part.list().ofMaxSize(4);
    }

    private static byte[] encode(List<byte[]> parts) {
        KeyBuilder builder = new KeyBuilder(4);
        parts.forEach(builder::add);
        return builder.build();
    }

    private static int compareTuples(List<byte[]> a, List<byte[]> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Arrays.compareUnsigned(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Property(tries = 300)
    void decodesWhatItEncodes(@ForAll("tuples") List<byte[]> parts) {
        assertThat(Keys.parts(encode(parts))).containsExactlyElementsOf(parts);
    }

    @Property(tries = 300)
    void keepsTupleOrder(@ForAll("tuples") List<byte[]> a, @ForAll("tuples") List<byte[]> b) {
        assertThat(Integer.signum(Arrays.compareUnsigned(encode(a), encode(b))))
                .isEqualTo(Integer.signum(compareTuples(a, b)));
    }

    @Property(tries = 300)
    void aTupleIsAPrefixOnlyOfTuplesThatExtendIt(@ForAll("tuples") List<byte[]> a, @ForAll("tuples") List<byte[]> b) {
        byte[] ea = encode(a);
        byte[] eb = encode(b);
        boolean bytePrefix = eb.length >= ea.length && Arrays.equals(ea, 0, ea.length, eb, 0, ea.length);
        boolean tuplePrefix = b.size() >= a.size() && compareTuples(a, b.subList(0, a.size())) == 0;
        assertThat(bytePrefix).isEqualTo(tuplePrefix);
    }

    @Property(tries = 300)
    void partialPartPrefixesEveryPartThatStartsWithIt(@ForAll("tuples") List<byte[]> parts, @ForAll byte[] start,
                                                     @ForAll byte[] rest) {
        byte[] full = new byte[start.length + rest.length];
        System.arraycopy(start, 0, full, 0, start.length);
        System.arraycopy(rest, 0, full, start.length, rest.length);
        KeyBuilder partial = new KeyBuilder();
        parts.forEach(partial::add);
        byte[] prefix = partial.addPartial(start).build();
        KeyBuilder whole = new KeyBuilder();
        parts.forEach(whole::add);
        byte[] key = whole.add(full).build();
        assertThat(Arrays.equals(prefix, 0, prefix.length, key, 0, prefix.length)).isTrue();
    }

    @Property(tries = 300)
    void longsSortNumerically(@ForAll long a, @ForAll long b) {
        byte[] ea = new KeyBuilder().add(a).build();
        byte[] eb = new KeyBuilder().add(b).build();
        assertThat(Integer.signum(Arrays.compareUnsigned(ea, eb))).isEqualTo(Integer.signum(Long.compare(a, b)));
        assertThat(new KeyReader(ea).nextLong()).isEqualTo(a);
    }

    @Property(tries = 300)
    void stringsRoundTripAndSortByCodePoint(@ForAll String a, @ForAll String b) {
        // UTF-8 cannot carry an unpaired surrogate; compare what it can carry.
        String ua = new String(a.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String ub = new String(b.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        byte[] ea = Keys.of("s3", a);
        byte[] eb = Keys.of("s3", b);
        KeyReader reader = new KeyReader(ea);
        assertThat(reader.nextString()).isEqualTo("s3");
        assertThat(reader.nextString()).isEqualTo(ua);
        assertThat(reader.hasNext()).isFalse();
        int byCodePoint = Arrays.compare(ua.codePoints().toArray(), ub.codePoints().toArray());
        assertThat(Integer.signum(Arrays.compareUnsigned(ea, eb))).isEqualTo(Integer.signum(byCodePoint));
    }

    @Property(tries = 300)
    void prefixEndBoundsExactlyTheKeysWithThePrefix(@ForAll byte[] prefix, @ForAll byte[] key) {
        byte[] end = Keys.prefixEnd(prefix);
        boolean hasPrefix = key.length >= prefix.length && Arrays.equals(prefix, 0, prefix.length, key, 0, prefix.length);
        boolean inRange = Arrays.compareUnsigned(key, prefix) >= 0 && (end == null || Arrays.compareUnsigned(key, end) < 0);
        assertThat(inRange).isEqualTo(hasPrefix);
    }

    @Example
    void separatesNamespacesThatShareLeadingCharacters() {
        byte[] table1 = Keys.of("dynamodb", "000000000000", "us-east-1", "table1");
        byte[] table10Item = Keys.of("dynamodb", "000000000000", "us-east-1", "table10", "item");
        assertThat(Arrays.equals(table1, 0, table1.length, table10Item, 0, table1.length)).isFalse();
    }

    @Example
    void rejectsMalformedKeys() {
        assertThatThrownBy(() -> new KeyReader(new byte[] {'a'}).nextBytes())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyReader(new byte[] {'a', 0x00, 0x05, 0x00, 0x01}).nextBytes())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyReader(Keys.of("x")).nextLong())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
