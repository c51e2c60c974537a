package io.kasumi.protocol.validation;

import io.kasumi.model.ListShape;
import io.kasumi.model.Location;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.ShapeTraits;
import io.kasumi.model.ShapeType;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds the {@link Rule} graph reachable from one shape: the checks each shape's traits imply,
 * linked like the shapes, then the derived flags settled to a fixed point (shapes may recurse).
 */
final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);

    /** botocore writes code points above U+FFFF as {@code \u10000}; Java reads that as U+1000 '0'. */
    private static final Pattern SUPPLEMENTARY_ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{5,6})(?=[-\\]])");

    private final Function<Shape, Rule> compiled;
    private final Map<Shape, Rule> built = new IdentityHashMap<>();

    /** @param compiled rules compiled before, reused as they are (null when none) */
    RuleCompiler(Function<Shape, Rule> compiled) {
        this.compiled = compiled;
    }

    /** Compiles the rules reachable from {@code root} that were not compiled before. */
    Map<Shape, Rule> compile(Shape root) {
        rule(root);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Rule rule : built.values()) {
                changed |= rule.settle();
            }
        }
        return built;
    }

    private Rule rule(Shape shape) {
        Rule known = compiled.apply(shape);
        if (known == null) {
            known = built.get(shape);
        }
        if (known != null) {
            return known;
        }
        return switch (shape) {
            case StructureShape structure -> {
                Rule.Structure rule = new Rule.Structure(structure);
                built.put(shape, rule);
                // an event stream's members arrive later as events, not in the input tree
                if (!structure.traits().eventStream()) {
                    List<Rule.MemberRule> members = new ArrayList<>();
                    for (Member member : structure.members().values()) {
                        members.add(new Rule.MemberRule(member.name(), pathSegment(member.name()), member.wireName(),
                                mustBePresent(member), rule(member.target())));
                    }
                    rule.members = List.copyOf(members);
                }
                yield rule;
            }
            case ListShape list -> {
                Rule.ListOf rule = new Rule.ListOf(list, listChecks(list));
                built.put(shape, rule);
                rule.element = rule(list.member().target());
                yield rule;
            }
            case MapShape map -> {
                Rule.MapOf rule = new Rule.MapOf(map, lengthChecks(map.traits()));
                built.put(shape, rule);
                rule.key = rule(map.key().target());
                rule.value = rule(map.value().target());
                yield rule;
            }
            case SimpleShape simple -> {
                Rule rule = new Rule.Scalar(simple, scalarChecks(simple));
                built.put(shape, rule);
                yield rule;
            }
        };
    }

    /**
     * Required members AWS would find missing. Not idempotency tokens (the server fills them),
     * not members with a model default (clients may leave defaults out), not the status code.
     */
    private static boolean mustBePresent(Member member) {
        return member.required() && !member.idempotencyToken() && member.defaultValue() == null
                && member.location() != Location.STATUS_CODE;
    }

    /** Coral's paths use the Java field name: the member name with its first letter lower-cased. */
    static String pathSegment(String memberName) {
        if (memberName.isEmpty() || Character.isLowerCase(memberName.charAt(0))) {
            return memberName;
        }
        return Character.toLowerCase(memberName.charAt(0)) + memberName.substring(1);
    }

    /** Checks in the order AWS lists them: length at most, at least, value at most, at least, pattern, enum. */
    private List<Check> scalarChecks(SimpleShape shape) {
        ShapeTraits traits = shape.traits();
        ShapeType type = shape.type();
        List<Check> checks = new ArrayList<>(lengthChecksFor(type, traits));
        if (type.isNumber()) {
            if (traits.max() != null) {
                checks.add(Check.Bound.of(traits.max(), false, printBound(type, traits.max())));
            }
            if (traits.min() != null) {
                checks.add(Check.Bound.of(traits.min(), true, printBound(type, traits.min())));
            }
        }
        if (type == ShapeType.STRING && traits.pattern() != null) {
            Pattern pattern = compilePattern(shape.name(), traits.pattern());
            if (pattern != null) {
                checks.add(new Check.Matches(pattern, new Constraint.MatchesPattern(traits.pattern())));
            }
        }
        if (type == ShapeType.STRING && shape.isEnum()) {
            checks.add(new Check.OneOf(Set.copyOf(traits.enumValues()),
                    new Constraint.EnumValues(traits.enumValues())));
        }
        return checks;
    }

    private static List<Check> lengthChecksFor(ShapeType type, ShapeTraits traits) {
        // streaming blobs are read after validation; their length is the codec's business
        if (type == ShapeType.STRING || (type == ShapeType.BLOB && !traits.streaming())) {
            return lengthChecks(traits);
        }
        return List.of();
    }

    /**
     * A list's size, then the uniqueness of its elements. uniqueItems has no typed trait: it comes
     * from Smithy-derived models (botocore's format has no such key) and is read from the raw shape.
     */
    private static List<Check> listChecks(ListShape list) {
        List<Check> checks = lengthChecks(list.traits());
        if (Boolean.TRUE.equals(list.raw().get("uniqueItems"))) {
            checks.add(new Check.DistinctElements());
        }
        return checks;
    }

    private static List<Check> lengthChecks(ShapeTraits traits) {
        List<Check> checks = new ArrayList<>(2);
        if (traits.max() != null) {
            checks.add(new Check.LengthAtMost(traits.max().longValue()));
        }
        // a minimum of 0 can never fail
        if (traits.min() != null && traits.min().signum() > 0) {
            checks.add(new Check.LengthAtLeast(traits.min().longValue()));
        }
        return checks;
    }

    /** Bounds print like the Java type AWS holds them in: "1" for integers, "1.0" for doubles. */
    static String printBound(ShapeType type, BigDecimal bound) {
        return switch (type) {
            case FLOAT -> Float.toString(bound.floatValue());
            case DOUBLE -> Double.toString(bound.doubleValue());
            case BIG_DECIMAL -> bound.toPlainString();
            default -> bound.stripTrailingZeros().scale() <= 0
                    ? bound.toBigInteger().toString() : bound.toPlainString();
        };
    }

    /** Compiles a model pattern as Java regex, or returns null (with a debug line) when it can't. */
    static Pattern compilePattern(String shapeName, String pattern) {
        try {
            return Pattern.compile(javaRegex(pattern));
        } catch (PatternSyntaxException e) {
            LOG.debug("pattern of shape {} is not a Java regex, not checked: {}", shapeName, e.getDescription());
            return null;
        }
    }

    /** The model pattern with supplementary-plane escapes ({@code \u10FFFF}) in Java's {@code \x{..}} form. */
    static String javaRegex(String pattern) {
        Matcher escape = SUPPLEMENTARY_ESCAPE.matcher(pattern);
        StringBuilder regex = new StringBuilder();
        while (escape.find()) {
            int codePoint = Integer.parseInt(escape.group(1), 16);
            String replacement = codePoint > 0xFFFF && codePoint <= Character.MAX_CODE_POINT
                    ? "\\\\x{" + escape.group(1) + "}" : Matcher.quoteReplacement(escape.group());
            escape.appendReplacement(regex, replacement);
        }
        escape.appendTail(regex);
        return regex.toString();
    }
}
