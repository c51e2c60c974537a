package io.kasumi.protocol.cbor;

/**
 * The operation a Smithy RPC v2 request path names: {@code {prefix?}/service/{ServiceName}/operation/{OperationName}}.
 * Only the last four segments count, so a path prefix is allowed.
 */
record RpcV2Path(String serviceName, String operationName) {

    /** The names in the path, or null when it does not have the protocol's form. */
    static RpcV2Path parse(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        String[] segments = rawPath.split("/", -1);
        int n = segments.length;
        if (n < 5 || !segments[n - 4].equals("service") || !segments[n - 2].equals("operation")) {
            return null;
        }
        String service = segments[n - 3];
        String operation = segments[n - 1];
        if (service.isEmpty() || operation.isEmpty()) {
            return null;
        }
        return new RpcV2Path(service, operation);
    }

    /**
     * Whether the service segment names the service: its shape name, or its absolute shape id with
     * '#' written as '.' (e.g. "com.amazonaws.cloudwatch.GraniteServiceVersion20100801").
     */
    boolean names(String serviceShapeName) {
        return serviceName.equals(serviceShapeName) || serviceName.endsWith("." + serviceShapeName);
    }
}
