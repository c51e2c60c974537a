package io.kasumi.server;

import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.protocol.validation.ModelValidator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates inputs with one {@link ModelValidator} per service model, made on first use. */
public final class ModelInputValidator implements InputValidator {
    private final Map<String, ModelValidator> validators = new ConcurrentHashMap<>();

    @Override
    public void validate(ServiceModel model, Operation operation, Map<String, Object> input) {
        validators.computeIfAbsent(model.serviceName(), name -> ModelValidator.forService(model))
                .check(operation.input(), input);
    }
}
