package io.kasumi.services.sns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A platform application (APNS, GCM, ...) as stored. Its attributes include the credentials the
 * client gave (PlatformCredential, PlatformPrincipal), which are kept but never answered.
 */
record PlatformApplicationRecord(String account, String region, String platform, String name,
                                 Map<String, String> attributes) {

    static final String PLATFORM_CREDENTIAL = "PlatformCredential";
    static final String PLATFORM_PRINCIPAL = "PlatformPrincipal";
    static final String ENABLED = "Enabled";

    String arn() {
        return "arn:aws:sns:" + region + ":" + account + ":app/" + platform + "/" + name;
    }

    boolean enabled() {
        return !"false".equalsIgnoreCase(attributes.get(ENABLED));
    }

    /** What GetPlatformApplicationAttributes and ListPlatformApplications answer: no credentials. */
    Map<String, String> visibleAttributes() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ENABLED, "true");
        out.putAll(attributes);
        out.remove(PLATFORM_CREDENTIAL);
        out.remove(PLATFORM_PRINCIPAL);
        return out;
    }

    PlatformApplicationRecord withAttributes(Map<String, String> updated) {
        return new PlatformApplicationRecord(account, region, platform, name, updated);
    }
}
