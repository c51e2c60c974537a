package io.kasumi.api;

import java.util.Map;

/**
 * One operation of a service, on value trees: a structure is a {@code Map} from member name to
 * value (see docs/protocols.md for the value types). Generated dispatch tables adapt the typed
 * service methods to this.
 */
@FunctionalInterface
public interface OperationHandler {
    /** Returns the output tree (empty for operations without output). */
    Map<String, Object> handle(RequestContext context, Map<String, Object> input);
}
