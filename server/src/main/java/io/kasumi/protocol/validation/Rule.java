package io.kasumi.protocol.validation;

import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Shape;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;

import java.util.List;

/**
 * What to check of a value of one shape, precomputed once per shape by {@link RuleCompiler}.
 *
 * <p>Rules form the same graph as the shapes, cycles included. Their links and the derived flags
 * are written while the compiler builds them and never after the validator publishes them.
 */
sealed abstract class Rule permits Rule.Structure, Rule.ListOf, Rule.MapOf, Rule.Scalar {
    private final List<Check> checks;
    private final List<Constraint> constraints;
    boolean checksInside;
    boolean hidesValue;

    Rule(List<Check> checks, boolean sensitive) {
        this.checks = List.copyOf(checks);
        this.constraints = this.checks.stream().map(Check::constraint).toList();
        this.hidesValue = sensitive;
    }

    abstract Shape shape();

    /** Checks of the value itself (length, range, pattern, enum, uniqueness), in the order AWS lists them. */
    final List<Check> checks() {
        return checks;
    }

    /** The constraints of {@link #checks()}, as AWS lists them for an element of a collection. */
    final List<Constraint> constraints() {
        return constraints;
    }

    /** True when some member or element inside a value of this shape has something to check. */
    final boolean checksInside() {
        return checksInside;
    }

    /** True when a value of this shape has anything to check at all. */
    final boolean active() {
        return checksInside || !checks.isEmpty();
    }

    /** True when this shape is sensitive or holds a sensitive shape: AWS then omits the value. */
    final boolean hidesValue() {
        return hidesValue;
    }

    final boolean passesAll(Object value) {
        for (Check check : checks) {
            if (!check.passes(value)) {
                return false;
            }
        }
        return true;
    }

    /** Recomputes the derived flags from the linked rules; true when one changed. */
    abstract boolean settle();

    final boolean update(boolean inside, boolean hides) {
        boolean changed = inside != checksInside || hides != hidesValue;
        checksInside = inside;
        hidesValue = hides;
        return changed;
    }

    /** A structure or union: its members in model order. */
    static final class Structure extends Rule {
        private final StructureShape shape;
        List<MemberRule> members = List.of();

        Structure(StructureShape shape) {
            super(List.of(), shape.traits().sensitive());
            this.shape = shape;
        }

        @Override
        StructureShape shape() {
            return shape;
        }

        @Override
        boolean settle() {
            boolean inside = false;
            boolean hides = shape.traits().sensitive();
            for (MemberRule member : members) {
                inside |= member.mustBePresent() || member.target().active();
                hides |= member.target().hidesValue();
            }
            return update(inside, hides);
        }
    }

    /** A list: its size (and uniqueness) checks and the rule of its members. */
    static final class ListOf extends Rule {
        private final ListShape shape;
        Rule element;

        ListOf(ListShape shape, List<Check> checks) {
            super(checks, shape.traits().sensitive());
            this.shape = shape;
        }

        @Override
        ListShape shape() {
            return shape;
        }

        @Override
        boolean settle() {
            return update(element.active(), shape.traits().sensitive() || element.hidesValue());
        }
    }

    /** A map: its size checks and the rules of its keys and values. */
    static final class MapOf extends Rule {
        private final MapShape shape;
        Rule key;
        Rule value;

        MapOf(MapShape shape, List<Check> sizeChecks) {
            super(sizeChecks, shape.traits().sensitive());
            this.shape = shape;
        }

        @Override
        MapShape shape() {
            return shape;
        }

        @Override
        boolean settle() {
            return update(key.active() || value.active(),
                    shape.traits().sensitive() || key.hidesValue() || value.hidesValue());
        }
    }

    /** A string, number, blob, boolean, timestamp or document: only checks of its own. */
    static final class Scalar extends Rule {
        private final SimpleShape shape;

        Scalar(SimpleShape shape, List<Check> checks) {
            super(checks, shape.traits().sensitive());
            this.shape = shape;
        }

        @Override
        SimpleShape shape() {
            return shape;
        }

        @Override
        boolean settle() {
            return false;
        }
    }

    /**
     * One member of a structure.
     *
     * @param name the member name, the key in the value tree
     * @param pathSegment the name as AWS writes it in a path (first letter lower-cased)
     * @param wireName the name the member has on the wire (query parameter, JSON key)
     * @param mustBePresent required, and not something the server or the model fills in
     */
    record MemberRule(String name, String pathSegment, String wireName, boolean mustBePresent, Rule target) {
    }
}
