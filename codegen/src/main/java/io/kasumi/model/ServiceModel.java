package io.kasumi.model;

import java.util.List;
import java.util.Map;

/**
 * One AWS service's model: metadata, operations and shapes.
 *
 * @param protocol the primary wire protocol ("query", "ec2", "json", "rest-json", "rest-xml",
 *     "smithy-rpc-v2-cbor")
 * @param protocols every protocol the service speaks, in preference order
 * @param signingName the SigV4 service name (defaults to endpointPrefix)
 * @param targetPrefix the X-Amz-Target prefix of json protocols, or null
 * @param jsonVersion "1.0" or "1.1" for json protocols, or null
 * @param xmlNamespace the XML namespace of query and rest-xml responses, or null
 * @param awsQueryCompatible json errors also carry the legacy query error code
 */
public record ServiceModel(
        String serviceName,
        String serviceId,
        String apiVersion,
        String protocol,
        List<String> protocols,
        String endpointPrefix,
        String signingName,
        String targetPrefix,
        String jsonVersion,
        String xmlNamespace,
        boolean awsQueryCompatible,
        Map<String, Operation> operations,
        Map<String, Shape> shapes) {

    public Operation operation(String name) {
        return operations.get(name);
    }

    public Shape shape(String name) {
        return shapes.get(name);
    }

    public boolean speaks(String protocolName) {
        return protocols.contains(protocolName);
    }
}
