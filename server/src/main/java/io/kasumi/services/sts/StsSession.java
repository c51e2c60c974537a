package io.kasumi.services.sts;

import io.kasumi.auth.Credentials;

import java.time.Instant;
import java.util.Map;

/**
 * Temporary credentials STS issued, with the identity they carry.
 *
 * @param expiresAtMillis when the credentials stop working, epoch milliseconds
 * @param userId what GetCallerIdentity answers as UserId ("AROA…:session" for roles)
 * @param chained issued to a role session (role chaining caps the duration at one hour)
 * @param tags session tags
 */
record StsSession(String accessKeyId, String secretAccessKey, String sessionToken, String account,
                  String arn, String userId, long expiresAtMillis, boolean roleSession, String sourceIdentity,
                  Map<String, String> tags) {

    Instant expiration() {
        return Instant.ofEpochMilli(expiresAtMillis);
    }

    Credentials credentials() {
        return new Credentials(accessKeyId, secretAccessKey, sessionToken, account, arn, expiration());
    }
}
