package io.kasumi.protocol.validation;

import io.kasumi.api.AwsException;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.Shape;
import io.kasumi.model.StructureShape;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an operation's parsed input against the constraints of its model before the service
 * runs, and answers violations the way the service's {@link ValidationErrorStyle} does.
 *
 * <p>One instance per service model. Rules (compiled patterns included) are built once per shape
 * on first use and kept in this instance; validating a valid request only reads them.
 */
public final class ModelValidator {
    private final ValidationErrorStyle style;
    private final Map<Shape, Rule> rules = new ConcurrentHashMap<>();
    private final Object compiling = new Object();

    public ModelValidator(ValidationErrorStyle style) {
        this.style = style;
    }

    /** A validator in the style {@link ValidationErrorStyle#forModel} gives the service. */
    public static ModelValidator forService(ServiceModel model) {
        return new ModelValidator(ValidationErrorStyle.forModel(model));
    }

    public ValidationErrorStyle style() {
        return style;
    }

    /** Compiles the rules of every operation input now rather than on first request. */
    public ModelValidator prepare(ServiceModel model) {
        for (Operation operation : model.operations().values()) {
            if (operation.input() != null) {
                rule(operation.input());
            }
        }
        return this;
    }

    /**
     * The violations of {@code input} that this validator's style reports, in model order, at
     * most {@link ValidationErrorStyle#MAX_REPORTED}; empty when the input is valid or the style
     * validates nothing.
     */
    public List<Violation> validate(StructureShape shape, Map<String, ?> input) {
        if (!style.validates() || shape == null || input == null) {
            return List.of();
        }
        Rule.Structure rule = (Rule.Structure) rule(shape);
        if (!rule.checksInside()) {
            return List.of();
        }
        Walk walk = new Walk(ValidationErrorStyle.MAX_REPORTED, style.checksConstraints());
        walk.structure(rule, input, shape.traits().sensitive());
        return walk.violations();
    }

    /** Throws the style's AwsException when {@code input} violates the model. */
    public void check(StructureShape shape, Map<String, ?> input) throws AwsException {
        List<Violation> violations = validate(shape, input);
        if (!violations.isEmpty()) {
            throw style.toException(violations);
        }
    }

    private Rule rule(Shape shape) {
        Rule rule = rules.get(shape);
        if (rule != null) {
            return rule;
        }
        // rare (once per shape graph), and a recursive graph can't be built inside computeIfAbsent
        synchronized (compiling) {
            rule = rules.get(shape);
            if (rule == null) {
                Map<Shape, Rule> built = new RuleCompiler(rules::get).compile(shape);
                rules.putAll(built);
                rule = built.get(shape);
            }
            return rule;
        }
    }
}
