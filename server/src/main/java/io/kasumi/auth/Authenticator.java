package io.kasumi.auth;

import io.kasumi.protocol.HttpRequest;

import java.time.Clock;
import java.time.Instant;

/**
 * The entry point of authentication: reads a request's signature, checks it as the mode asks,
 * and answers who sent it. A streamed (aws-chunked) or hash-declared body is replaced on the
 * request by a decoding, verifying stream, so later layers read plain content.
 */
public final class Authenticator {
    private final CredentialRegistry registry;
    private final Clock clock;
    private final AuthMode mode;
    private final SigV4Parser parser = new SigV4Parser();
    private final SigV4Verifier verifier = new SigV4Verifier();

    public Authenticator(CredentialRegistry registry, Clock clock, AuthMode mode) {
        this.registry = registry;
        this.clock = clock;
        this.mode = mode;
    }

    public AuthMode mode() {
        return mode;
    }

    /** Authenticates with the error family of the signing name in the credential scope. */
    public CallerIdentity authenticate(HttpRequest request) {
        AuthErrors errors = AuthErrors.forService(SigV4Parser.signingService(request));
        return authenticate(request, errors, errors.isS3());
    }

    /**
     * @param errors how the target service words authentication errors
     * @param anonymousAllowed whether an unsigned request is let through as anonymous (S3, and
     *     operations that AWS serves without auth such as sts:AssumeRoleWithWebIdentity)
     */
    public CallerIdentity authenticate(HttpRequest request, AuthErrors errors, boolean anonymousAllowed) {
        RequestSignature signature = parser.parse(request, errors);
        Instant now = clock.instant();
        return switch (signature) {
            case RequestSignature.Unsigned unsigned -> {
                if (mode.verifiesSignatures() && !anonymousAllowed) {
                    throw errors.missingAuthenticationToken();
                }
                decodeUnverifiedBody(request, errors);
                yield CallerIdentity.anonymous();
            }
            case RequestSignature.V2 v2 -> {
                if (mode.verifiesSignatures()) {
                    throw errors.isS3()
                            ? AuthErrors.s3("InvalidRequest", "The authorization mechanism you have provided is not supported. "
                                    + "Please use AWS4-HMAC-SHA256.", 400)
                            : errors.incompleteSignature("Signature Version 2 is not supported. Please use AWS4-HMAC-SHA256.");
                }
                decodeUnverifiedBody(request, errors);
                yield identity(v2.accessKeyId(), CallerIdentity.DEFAULT_REGION, null);
            }
            case RequestSignature.V4 v4 -> mode.verifiesSignatures() ? verified(request, v4, errors, now) : unverified(request, v4, errors, now);
        };
    }

    private CallerIdentity unverified(HttpRequest request, RequestSignature.V4 signature, AuthErrors errors, Instant now) {
        verifier.checkPresignedExpiry(signature, now, errors);
        decodeUnverifiedBody(request, errors);
        return identity(signature.accessKeyId(), signature.region(), signature.service());
    }

    private CallerIdentity verified(HttpRequest request, RequestSignature.V4 signature, AuthErrors errors, Instant now) {
        Credentials credentials = registry.find(signature.accessKeyId())
                .orElseThrow(() -> errors.unknownAccessKey(signature.accessKeyId()));
        if (credentials.sessionToken() != null
                ? !credentials.sessionToken().equals(signature.sessionToken())
                : signature.sessionToken() != null) {
            throw errors.invalidToken();
        }
        if (credentials.isExpiredAt(now)) {
            throw errors.expiredToken();
        }
        verifier.checkTime(signature, now, errors);
        SigningContext context = verifier.verify(request, signature, credentials.secretAccessKey(), errors);
        decodeVerifiedBody(request, context, errors);
        return new CallerIdentity(credentials.account(), signature.region(), credentials.accessKeyId(),
                credentials.principalArn(), signature.service());
    }

    private CallerIdentity identity(String accessKeyId, String region, String service) {
        return registry.find(accessKeyId)
                .map(c -> new CallerIdentity(c.account(), region, accessKeyId, c.principalArn(), service))
                .orElseGet(() -> {
                    String account = registry.accountFor(accessKeyId);
                    return new CallerIdentity(account, region, accessKeyId, "arn:aws:iam::" + account + ":root", service);
                });
    }

    private static void decodeUnverifiedBody(HttpRequest request, AuthErrors errors) {
        StreamingPayload kind = StreamingPayload.fromContentSha256(request.headers().first("x-amz-content-sha256"));
        if (kind != null) {
            request.replaceBody(new AwsChunkedInputStream(request.body(), kind, decodedLength(request, errors), null, errors, false));
        }
    }

    /** Chunked bodies get their chunk signatures checked; a declared hash is checked at the body's end. */
    private static void decodeVerifiedBody(HttpRequest request, SigningContext context, AuthErrors errors) {
        String contentSha256 = request.headers().first("x-amz-content-sha256");
        StreamingPayload kind = StreamingPayload.fromContentSha256(contentSha256);
        if (kind != null) {
            request.replaceBody(new AwsChunkedInputStream(request.body(), kind, decodedLength(request, errors), context, errors, true));
        } else if (ContentSha256VerifyingInputStream.isHexSha256(contentSha256 == null ? null : contentSha256.strip())) {
            request.replaceBody(new ContentSha256VerifyingInputStream(request.body(), contentSha256.strip(), errors::contentSha256Mismatch));
        }
    }

    private static long decodedLength(HttpRequest request, AuthErrors errors) {
        String value = request.headers().first("x-amz-decoded-content-length");
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.strip());
            if (length < 0) {
                throw errors.incompleteBody();
            }
            return length;
        } catch (NumberFormatException e) {
            throw AuthErrors.s3("InvalidArgument", "x-amz-decoded-content-length must be a number", 400);
        }
    }
}
