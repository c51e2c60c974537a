package io.kasumi.protocol.query;

import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.xml.MalformedValueException;
import io.kasumi.protocol.xml.XmlScalars;

import java.util.LinkedHashMap;
import java.util.Map;

/** The request side both query protocols share: Action names the operation, parameters the input. */
final class QueryRequests {
    private QueryRequests() {
    }

    static Operation resolveOperation(ServiceModel model, HttpRequest request) {
        String action = QueryParameters.of(request).get("Action");
        if (action == null || action.isEmpty()) {
            throw QueryErrors.missingAction();
        }
        Operation operation = model.operation(action);
        if (operation == null) {
            throw QueryErrors.invalidAction(action);
        }
        return operation;
    }

    static Map<String, Object> parse(Operation operation, HttpRequest request, QueryDialect dialect) {
        if (operation.input() == null) {
            return new LinkedHashMap<>();
        }
        QueryParameters params = QueryParameters.of(request);
        try {
            return new QueryInputReader(params, dialect, XmlScalars.STANDARD).readStructure(operation.input(), "");
        } catch (MalformedValueException e) {
            throw QueryErrors.malformedInput(e.getMessage());
        }
    }
}
