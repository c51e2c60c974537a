package io.kasumi.protocol.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;
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
     * At least {@code min} characters, bytes or elements. Strings count UTF-16 units here: a
     * string shorter than min in UTF-16 units is shorter in code points too, so the check only
     * rejects what AWS rejects however it counts.
     */
    record LengthAtLeast(long min, Constraint constraint) implements Check {
        LengthAtLeast(long min) {
            this(min, new Constraint.MinLength(min));
        }

        @Override
        public boolean passes(Object value) {
            return switch (value) {
                case String s -> s.length() >= min;
                case byte[] bytes -> bytes.length >= min;
                case Collection<?> c -> c.size() >= min;
                case Map<?, ?> m -> m.size() >= min;
                default -> true;
            };
        }
    }

    /**
     * At most {@code max} characters, bytes or elements. Strings count code points here (never
     * more than UTF-16 units), for the same reason as {@link LengthAtLeast}.
     */
    record LengthAtMost(long max, Constraint constraint) implements Check {
        LengthAtMost(long max) {
            this(max, new Constraint.MaxLength(max));
        }

        @Override
        public boolean passes(Object value) {
            return switch (value) {
                case String s -> s.length() <= max || s.codePointCount(0, s.length()) <= max;
                case byte[] bytes -> bytes.length <= max;
                case Collection<?> c -> c.size() <= max;
                case Map<?, ?> m -> m.size() <= max;
                default -> true;
            };
        }
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
