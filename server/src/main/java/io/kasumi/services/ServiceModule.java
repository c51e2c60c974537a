package io.kasumi.services;

import io.kasumi.api.OperationHandler;

import java.util.Map;

/**
 * A running service: the handlers of the operations it implements (usually a generated
 * {@code XxxApi.handlers(service)} table) and a way to forget its state.
 */
public interface ServiceModule {

    /** The model name this service implements, e.g. "sts". */
    String name();

    /** Operation name to handler; operations absent here answer not-implemented. */
    Map<String, OperationHandler> handlers();

    /**
     * The object implementing the generated service interface; the docs' coverage tables are
     * read from which of its methods it overrides.
     */
    Object implementation();

    /** Forgets every resource of the service in every account and region. */
    void reset();
}
