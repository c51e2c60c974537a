package io.kasumi.auth;

/**
 * What a verified request leaves for its streamed chunks: the derived key and the seed signature
 * the first chunk signature chains from.
 */
record SigningContext(byte[] signingKey, String amzDate, AwsCredentialScope scope, String seedSignature) {

    /** The signature of one chunk (or, with {@code trailer}, of the trailing headers). */
    String chainedSignature(String previousSignature, String payloadSha256, boolean trailer) {
        String stringToSign = trailer
                ? "AWS4-HMAC-SHA256-TRAILER\n" + amzDate + '\n' + scope.value() + '\n' + previousSignature + '\n' + payloadSha256
                : "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + '\n' + scope.value() + '\n' + previousSignature + '\n'
                        + SigV4Crypto.EMPTY_SHA256 + '\n' + payloadSha256;
        return SigV4Crypto.sign(signingKey, stringToSign);
    }
}
