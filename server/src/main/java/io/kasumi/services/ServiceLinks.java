package io.kasumi.services;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How services reach each other inside one Kasumi (SNS delivering to SQS, S3 notifying Lambda):
 * a service provides a capability under its interface type, another finds it when it needs it.
 * Lookups happen at use time, so the order services start in does not matter.
 */
public final class ServiceLinks {
    private final Map<Class<?>, Object> provided = new ConcurrentHashMap<>();

    public <T> void provide(Class<T> capability, T implementation) {
        provided.put(capability, implementation);
    }

    /** The capability, or empty when the service providing it is not running. */
    public <T> Optional<T> find(Class<T> capability) {
        return Optional.ofNullable(provided.get(capability)).map(capability::cast);
    }
}
