package io.kasumi.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One access key as the emulator knows it.
 *
 * @param sessionToken the token temporary credentials must present, or null for long-term keys
 * @param expiration when temporary credentials stop working, or null
 */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, String account,
                          String principalArn, Instant expiration) {

    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(principalArn, "principalArn");
    }

    /** Long-term credentials of an account's root user. */
    public static Credentials root(String accessKeyId, String secretAccessKey, String account) {
        return new Credentials(accessKeyId, secretAccessKey, null, account, "arn:aws:iam::" + account + ":root", null);
    }

    public boolean isExpiredAt(Instant now) {
        return expiration != null && !now.isBefore(expiration);
    }
}
