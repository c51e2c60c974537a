package io.kasumi.protocol.validation;

/**
 * One input value that failed one model constraint.
 *
 * @param path where the value sits, as AWS's Coral services write it: lower-camel member names
 *     joined by '.', list elements as {@code N.member} (1-based), map entries as {@code KEY.member},
 *     e.g. {@code keySchema.1.member.attributeName}
 * @param parameter the wire name of the member the value belongs to (e.g. {@code QueueUrl}), for
 *     error styles that name parameters rather than paths
 * @param value the offending value as AWS prints it
 * @param constraint the constraint it failed
 */
public record Violation(String path, String parameter, Shown value, Constraint constraint) {

    /** The Coral sentence, e.g. {@code Value 'x' at 'name' failed to satisfy constraint: ...}. */
    public String describe() {
        StringBuilder text = new StringBuilder("Value ");
        switch (value) {
            case Shown.Null ignored -> text.append("null ");
            case Shown.Hidden ignored -> { }
            case Shown.Text(String rendered) -> text.append('\'').append(rendered).append("' ");
        }
        return text.append("at '").append(path).append("' failed to satisfy constraint: ")
                .append(constraint.describe()).toString();
    }

    /** How the offending value appears in the message. */
    public sealed interface Shown {
        Shown NULL = new Null();
        Shown HIDDEN = new Hidden();

        /** The value is absent: AWS writes {@code Value null at ...}. */
        record Null() implements Shown {
        }

        /** The value is (or holds) a sensitive shape: AWS leaves it out, {@code Value at ...}. */
        record Hidden() implements Shown {
        }

        /** The value as Java's toString would print it on AWS's side; AWS quotes it. */
        record Text(String rendered) implements Shown {
        }
    }
}
