package io.kasumi.auth;

/**
 * Who sent a request, as far as authentication can tell.
 *
 * @param accessKeyId null for an anonymous (unsigned) request
 * @param principalArn null for an anonymous request
 * @param service the signing name from the credential scope, or null when unsigned
 */
public record CallerIdentity(String account, String region, String accessKeyId, String principalArn, String service) {
    public static final String DEFAULT_REGION = "us-east-1";

    public static CallerIdentity anonymous() {
        return new CallerIdentity(CredentialRegistry.DEFAULT_ACCOUNT, DEFAULT_REGION, null, null, null);
    }

    public boolean isAnonymous() {
        return accessKeyId == null;
    }
}
