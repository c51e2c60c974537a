package io.kasumi.services;

import java.util.List;

/**
 * What routing needs to know of a vendored service without loading its model.
 *
 * @param name the model's file name, e.g. "dynamodbstreams"
 * @param signingName the SigV4 credential-scope service name
 * @param targetPrefix the X-Amz-Target prefix of json and rpc-v2-cbor protocols, or null
 */
public record ServiceInfo(String name, String serviceId, String apiVersion, String endpointPrefix,
                          String signingName, String targetPrefix, List<String> protocols) {

    public boolean speaks(String protocol) {
        return protocols.contains(protocol);
    }
}
