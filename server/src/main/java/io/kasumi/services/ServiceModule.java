package io.kasumi.services;

import io.kasumi.api.OperationHandler;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;

import java.util.Map;
import java.util.Optional;

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

    /**
     * Answers the service's own internal endpoint {@code /_kasumi/NAME/PATH} (e.g. the SNS
     * messages captured for email and SMS); empty when the service has none at that path.
     *
     * @param path what follows {@code /_kasumi/NAME}, e.g. "/messages"
     */
    default Optional<HttpResponse> internalEndpoint(String path, HttpRequest request) {
        return Optional.empty();
    }

    /** The service's data plane (its users' traffic at its own hosts), if it has one. */
    default Optional<DataPlane> dataPlane() {
        return Optional.empty();
    }

    /** Forgets every resource of the service in every account and region. */
    void reset();

    /** Releases what the service runs outside requests (processes, threads); called once when Kasumi stops. */
    default void close() {
    }
}
