package io.kasumi.codegen;

import io.kasumi.model.Operation;

import java.util.List;
import java.util.Set;

/**
 * Writes a service's interface: one default method per operation that answers NotImplemented
 * until a service overrides it, and {@code handlers} adapting an implementation to value trees.
 */
final class ApiWriter {
    private static final String CONTEXT = "io.kasumi.api.RequestContext";

    private final ServiceTypes types;

    ApiWriter(ServiceTypes types) {
        this.types = types;
    }

    JavaFile write() {
        String api = types.apiName();
        List<Operation> operations = List.copyOf(types.model().operations().values());
        List<String> methods = methodNames(operations);

        StringBuilder out = JavaFile.start(types, !operations.isEmpty())
                .append("/**\n * The operations of ").append(types.model().serviceId())
                .append(" (API version ").append(types.model().apiVersion()).append(").\n")
                .append(" * A service implements this and overrides what it supports; the rest answer NotImplemented.\n */\n")
                .append("public interface ").append(api).append(" {\n")
                .append("    /** The model's name, which the service registers under. */\n")
                .append("    String SERVICE_NAME = ").append(Names.quote(types.serviceName())).append(";\n");

        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            out.append("\n    default ").append(outputType(operation)).append(' ').append(methods.get(i))
                    .append('(').append(CONTEXT).append(" context");
            if (operation.input() != null) {
                out.append(", ").append(types.structureName(operation.input())).append(" input");
            }
            out.append(") {\n        throw io.kasumi.api.AwsException.notImplemented(")
                    .append(Names.quote(types.model().serviceId())).append(", ")
                    .append(Names.quote(operation.name())).append(");\n    }\n");
        }

        out.append("""

                    /** This service's operations on value trees, by operation name. */
                    static java.util.Map<String, io.kasumi.api.OperationHandler> handlers(%s service) {
                        java.util.Map<String, io.kasumi.api.OperationHandler> handlers = new java.util.TreeMap<>();
                """.formatted(api));
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            String call = "service." + methods.get(i) + "(context"
                    + (operation.input() == null ? ""
                            : ", " + types.structureName(operation.input()) + ".fromTree(input)")
                    + ")";
            out.append("        handlers.put(").append(Names.quote(operation.name())).append(", (context, input) -> ");
            if (operation.output() == null) {
                out.append("{\n            ").append(call).append(";\n            return ")
                        .append(ServiceTypes.HELPER).append(".empty();\n        });\n");
            } else {
                out.append(ServiceTypes.HELPER).append(".output(\n                ").append(call).append(", ")
                        .append(types.structureName(operation.output())).append("::toTree));\n");
            }
        }
        out.append("        return java.util.Collections.unmodifiableMap(handlers);\n    }\n}\n");
        return new JavaFile(types.packageName(), api, out.toString());
    }

    private String outputType(Operation operation) {
        return operation.output() == null ? "void" : types.structureName(operation.output());
    }

    /** lowerCamel method names; "handlers" is the interface's own. */
    static List<String> methodNames(List<Operation> operations) {
        return Names.uniqueMemberNames(operations.stream().map(Operation::name).toList(), Set.of("handlers"));
    }
}
