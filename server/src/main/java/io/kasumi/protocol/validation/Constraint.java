package io.kasumi.protocol.validation;

import java.util.List;

/**
 * A model constraint an input value failed, worded the way AWS's Coral services word it after
 * "failed to satisfy constraint: ".
 */
public sealed interface Constraint {

    /** The constraint as AWS states it, e.g. "Member must not be null". */
    String describe();

    /** A required member is absent. */
    record NotNull() implements Constraint {
        @Override
        public String describe() {
            return "Member must not be null";
        }
    }

    /** String length (characters), blob length (bytes), list or map size: at least {@code min}. */
    record MinLength(long min) implements Constraint {
        @Override
        public String describe() {
            return "Member must have length greater than or equal to " + min;
        }
    }

    /** String length (characters), blob length (bytes), list or map size: at most {@code max}. */
    record MaxLength(long max) implements Constraint {
        @Override
        public String describe() {
            return "Member must have length less than or equal to " + max;
        }
    }

    /** A number at least {@code min}; the bound is kept as AWS prints it ("1", "0.0"). */
    record MinValue(String min) implements Constraint {
        @Override
        public String describe() {
            return "Member must have value greater than or equal to " + min;
        }
    }

    /** A number at most {@code max}; the bound is kept as AWS prints it. */
    record MaxValue(String max) implements Constraint {
        @Override
        public String describe() {
            return "Member must have value less than or equal to " + max;
        }
    }

    /**
     * A list with Smithy's uniqueItems holds an element twice. No AWS service message for this was
     * found; the wording is the one Smithy's server frameworks and protocol tests use.
     */
    record UniqueItems() implements Constraint {
        @Override
        public String describe() {
            return "Member must have unique values";
        }
    }

    /** The whole string must match {@code pattern}, printed as the model writes it. */
    record MatchesPattern(String pattern) implements Constraint {
        @Override
        public String describe() {
            return "Member must satisfy regular expression pattern: " + pattern;
        }
    }

    /** The string must be one of {@code values}, listed in model order. */
    record EnumValues(List<String> values) implements Constraint {
        public EnumValues {
            values = List.copyOf(values);
        }

        @Override
        public String describe() {
            return "Member must satisfy enum value set: [" + String.join(", ", values) + "]";
        }
    }

    /**
     * Some element of a list (or key or value of a map) of simple values failed: AWS reports it
     * once, at the collection, listing every constraint of the element shape.
     */
    record Elements(Scope scope, List<Constraint> constraints) implements Constraint {
        public Elements {
            constraints = List.copyOf(constraints);
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder(scope.phrase).append('[');
            for (int i = 0; i < constraints.size(); i++) {
                if (i > 0) {
                    text.append(", ");
                }
                text.append(constraints.get(i).describe());
            }
            return text.append(']').toString();
        }
    }

    /** Which elements of a collection an {@link Elements} constraint is about. */
    enum Scope {
        LIST_MEMBERS("Member must satisfy constraint: "),
        MAP_KEYS("Map keys must satisfy constraint: "),
        MAP_VALUES("Map value must satisfy constraint: ");

        private final String phrase;

        Scope(String phrase) {
            this.phrase = phrase;
        }
    }
}
