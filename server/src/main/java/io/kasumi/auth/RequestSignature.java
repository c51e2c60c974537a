package io.kasumi.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How a request is signed: not at all, with SigV4 (header or presigned query), or the legacy SigV2. */
public sealed interface RequestSignature {

    /** A request that carries no signature at all. */
    record Unsigned() implements RequestSignature {
    }

    /**
     * A SigV4 signature, from the Authorization header or a presigned query string.
     *
     * @param amzDate the request time exactly as it enters the string to sign (yyyyMMdd'T'HHmmss'Z')
     * @param timestamp the same instant, parsed
     * @param signedHeaders lower-case names in the order given
     * @param expires the X-Amz-Expires lifetime of a presigned request, or null
     * @param sessionToken X-Amz-Security-Token, or null
     */
    record V4(String accessKeyId, AwsCredentialScope scope, List<String> signedHeaders, String signature,
              String amzDate, Instant timestamp, Duration expires, boolean presigned, String sessionToken)
            implements RequestSignature {

        public V4 {
            signedHeaders = List.copyOf(signedHeaders);
        }

        public String region() {
            return scope.region();
        }

        public String service() {
            return scope.service();
        }
    }

    /** A legacy SigV2 signature (S3 {@code Authorization: AWS key:sig} or AWSAccessKeyId query); not verified. */
    record V2(String accessKeyId) implements RequestSignature {
    }
}
