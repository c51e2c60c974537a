package io.kasumi.protocol.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One precomputed test of a value against one constraint of its shape. */
sealed interface Check {

    /** The constraint as reported when the test fails. */
    Constraint constraint();

    /** True when the value satisfies the constraint, or is of a type the constraint ignores. */
    boolean passes(Object value);

    /**
     * At least {@code min} characters, bytes or elements. Strings count Unicode code points, as
     * Smithy's length trait and AWS's own clients (botocore's {@code len()}) do: one emoji is one.
     */
    record LengthAtLeast(long min, Constraint constraint) implements Check {
        LengthAtLeast(long min) {
            this(min, new Constraint.MinLength(min));
        }

        @Override
        public boolean passes(Object value) {
            return switch (value) {
                case String s -> codePointsAtLeast(s, min);
                case byte[] bytes -> bytes.length >= min;
                case Collection<?> c -> c.size() >= min;
                case Map<?, ?> m -> m.size() >= min;
                default -> true;
            };
        }
    }

    /** At most {@code max} characters (code points, as {@link LengthAtLeast}), bytes or elements. */
    record LengthAtMost(long max, Constraint constraint) implements Check {
        LengthAtMost(long max) {
            this(max, new Constraint.MaxLength(max));
        }

        @Override
        public boolean passes(Object value) {
            return switch (value) {
                case String s -> max == Long.MAX_VALUE || !codePointsAtLeast(s, max + 1);
                case byte[] bytes -> bytes.length <= max;
                case Collection<?> c -> c.size() <= max;
                case Map<?, ?> m -> m.size() <= max;
                default -> true;
            };
        }
    }

    /**
     * True when {@code s} has at least {@code count} code points. A string has between half its
     * UTF-16 units (rounded up) and all of them, so only strings in between are counted.
     */
    static boolean codePointsAtLeast(String s, long count) {
        int units = s.length();
        if (units < count) {
            return false;
        }
        if ((units + 1L) / 2 >= count) {
            return true;
        }
        return s.codePointCount(0, units) >= count;
    }

    /**
     * A numeric range bound; {@code lower} tells which side. Integral values compare against the
     * bound rounded inward ({@code integralLimit}) without allocating. NaN passes: it has no order.
     */
    record Bound(BigDecimal bound, boolean lower, long integralLimit, double doubleBound, Constraint constraint)
            implements Check {

        static Bound of(BigDecimal bound, boolean lower, String printed) {
            BigDecimal rounded = bound.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
            long limit = rounded.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE
                    : rounded.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : rounded.longValueExact();
            Constraint constraint = lower ? new Constraint.MinValue(printed) : new Constraint.MaxValue(printed);
            return new Bound(bound, lower, limit, bound.doubleValue(), constraint);
        }

        @Override
        public boolean passes(Object value) {
            return switch (value) {
                case Integer i -> passesIntegral(i);
                case Long l -> passesIntegral(l);
                case Short s -> passesIntegral(s);
                case Byte b -> passesIntegral(b);
                case Double d -> d.isNaN() || passesSign(Double.compare(d, doubleBound));
                case Float f -> f.isNaN() || passesSign(Double.compare(f, doubleBound));
                case BigDecimal d -> passesSign(d.compareTo(bound));
                case BigInteger i -> passesSign(new BigDecimal(i).compareTo(bound));
                default -> true;
            };
        }

        private boolean passesIntegral(long value) {
            return lower ? value >= integralLimit : value <= integralLimit;
        }

        private boolean passesSign(int sign) {
            return lower ? sign >= 0 : sign <= 0;
        }

        private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
        private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    }

    /**
     * No two elements of a list are equal (Smithy's uniqueItems): structures and unions by
     * member values, blobs by content, timestamps by instant, lists and maps deeply.
     */
    record DistinctElements(Constraint constraint) implements Check {
        DistinctElements() {
            this(new Constraint.UniqueItems());
        }

        @Override
        public boolean passes(Object value) {
            if (!(value instanceof List<?> elements) || elements.size() < 2) {
                return true;
            }
            Set<Object> seen = HashSet.newHashSet(elements.size());
            for (Object element : elements) {
                if (!seen.add(ItemKey.of(element))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The whole string matches; AWS anchors model patterns (Java {@code matches()}). */
    record Matches(Pattern pattern, Constraint constraint) implements Check {
        @Override
        public boolean passes(Object value) {
            return !(value instanceof String s) || pattern.matcher(s).matches();
        }
    }

    /** The string is one of the enum's values. */
    record OneOf(Set<String> values, Constraint constraint) implements Check {
        @Override
        public boolean passes(Object value) {
            return !(value instanceof String s) || values.contains(s);
        }
    }
}
