package io.kasumi.api;

import java.time.Instant;

/**
 * What a service knows of the request besides its typed input.
 *
 * @param requestId the id returned in x-amzn-RequestId
 * @param account the 12-digit account the caller's credentials map to
 * @param region the region from the credential scope (or the default)
 * @param accessKeyId the caller's access key id, or null for unsigned requests
 * @param principalArn the caller's identity ARN
 * @param endpoint the base URL the client reached Kasumi at, e.g. http://localhost:4566
 * @param now the virtual clock's time when the request arrived
 */
public record RequestContext(
        String requestId,
        String account,
        String region,
        String accessKeyId,
        String principalArn,
        String endpoint,
        Instant now) {
}
