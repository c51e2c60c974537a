package io.kasumi.services.sns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A platform endpoint (one device) as stored.
 *
 * @param attributes Token, Enabled and CustomUserData (when given), as GetEndpointAttributes answers them
 * @param createdMillis orders an application's endpoints
 */
record EndpointRecord(String arn, String applicationArn, String platform, Map<String, String> attributes,
                      long createdMillis) {

    static final String TOKEN = "Token";
    static final String ENABLED = "Enabled";
    static final String CUSTOM_USER_DATA = "CustomUserData";

    String token() {
        return attributes.get(TOKEN);
    }

    boolean enabled() {
        return !"false".equalsIgnoreCase(attributes.get(ENABLED));
    }

    EndpointRecord withAttributes(Map<String, String> changes) {
        Map<String, String> updated = new LinkedHashMap<>(attributes);
        updated.putAll(changes);
        return new EndpointRecord(arn, applicationArn, platform, updated, createdMillis);
    }
}
