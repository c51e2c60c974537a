package io.kasumi.server;

import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;

import java.util.Map;

/** Checks a parsed input against the model's constraints before the service runs. */
@FunctionalInterface
public interface InputValidator {
    /** Throws the service's AWS validation error when the input breaks a constraint. */
    void validate(ServiceModel model, Operation operation, Map<String, Object> input);
}
