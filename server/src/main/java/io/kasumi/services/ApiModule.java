package io.kasumi.services;

import io.kasumi.api.OperationHandler;

import java.util.Map;

/**
 * A service module built the usual way: one object implementing the generated interface, and
 * the dispatch table generated for it. Subclasses add what is theirs: reset, internal endpoints.
 */
public abstract class ApiModule implements ServiceModule {
    private final String name;
    private final Object implementation;
    private final Map<String, OperationHandler> handlers;

    /**
     * @param implementation the object implementing the generated {@code XxxApi}
     * @param handlers {@code XxxApi.handlers(implementation)}
     */
    protected ApiModule(String name, Object implementation, Map<String, OperationHandler> handlers) {
        this.name = name;
        this.implementation = implementation;
        this.handlers = handlers;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, OperationHandler> handlers() {
        return handlers;
    }

    @Override
    public final Object implementation() {
        return implementation;
    }
}
