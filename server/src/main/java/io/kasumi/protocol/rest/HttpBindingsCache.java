package io.kasumi.protocol.rest;

import io.kasumi.model.ServiceModel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link HttpBindings} of each service model, built once on first use. A codec owns one;
 * models are keyed by identity (a model is loaded once and never changes, and comparing two
 * by value would walk every shape).
 */
public final class HttpBindingsCache {
    private final Map<ModelKey, HttpBindings> bindings = new ConcurrentHashMap<>();

    public HttpBindings of(ServiceModel model) {
        return bindings.computeIfAbsent(new ModelKey(model), key -> new HttpBindings(key.model()));
    }

    private record ModelKey(ServiceModel model) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ModelKey key && key.model == model;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(model);
        }
    }
}
