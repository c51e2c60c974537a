package io.kasumi.auth;

import io.kasumi.protocol.HttpRequest;

import java.time.Duration;
import java.time.Instant;

/** Recomputes a SigV4 signature the way AWS does and compares it with the one sent. */
public final class SigV4Verifier {
    /** How far a header-signed request's time may be from the server's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /** Header-signed requests must be within {@link #MAX_SKEW}; presigned ones within their lifetime. */
    public void checkTime(RequestSignature.V4 signature, Instant now, AuthErrors errors) {
        if (signature.presigned() && signature.expires() != null) {
            checkPresignedExpiry(signature, now, errors);
            if (signature.timestamp().isAfter(now.plus(MAX_SKEW))) {
                throw errors.presignedNotYetValid(signature, now, MAX_SKEW);
            }
            return;
        }
        if (Duration.between(signature.timestamp(), now).abs().compareTo(MAX_SKEW) > 0) {
            throw errors.requestTimeSkewed(signature.amzDate(), now, MAX_SKEW);
        }
    }

    /** A presigned request past X-Amz-Date + X-Amz-Expires is refused even when signatures are not checked. */
    public void checkPresignedExpiry(RequestSignature.V4 signature, Instant now, AuthErrors errors) {
        if (signature.presigned() && signature.expires() != null
                && now.isAfter(signature.timestamp().plus(signature.expires()))) {
            throw errors.presignedExpired(signature, now);
        }
    }

    /**
     * Verifies the signature with the secret key; returns what streamed chunk signatures chain from.
     * Reads (and keeps) the body only when the payload hash is not given in x-amz-content-sha256.
     */
    SigningContext verify(HttpRequest request, RequestSignature.V4 signature, String secretAccessKey, AuthErrors errors) {
        if (!signature.amzDate().startsWith(signature.scope().date())) {
            throw scopeDateMismatch(signature, errors);
        }
        String payloadHash = payloadHash(request, signature, errors);
        String canonicalRequest = CanonicalRequest.of(request, signature, payloadHash);
        String stringToSign = CanonicalRequest.stringToSign(signature, canonicalRequest);
        byte[] signingKey = SigV4Crypto.signingKey(secretAccessKey, signature.scope());
        String expected = SigV4Crypto.sign(signingKey, stringToSign);
        if (SigV4Crypto.signaturesEqual(expected, signature.signature())) {
            return new SigningContext(signingKey, signature.amzDate(), signature.scope(), expected);
        }
        if (errors.isS3()) {
            // S3 signs the path as sent; a client that sent a character unencoded signed it unencoded too.
            String asSent = CanonicalRequest.withRawPath(request, signature, payloadHash);
            if (!asSent.equals(canonicalRequest)) {
                String alternative = SigV4Crypto.sign(signingKey, CanonicalRequest.stringToSign(signature, asSent));
                if (SigV4Crypto.signaturesEqual(alternative, signature.signature())) {
                    return new SigningContext(signingKey, signature.amzDate(), signature.scope(), alternative);
                }
            }
        }
        throw errors.signatureMismatch(signature.accessKeyId(), canonicalRequest, stringToSign, signature.signature());
    }

    /**
     * The payload hash that entered the signature: x-amz-content-sha256 when sent (a hex hash,
     * UNSIGNED-PAYLOAD or a STREAMING-* value), S3 presigned requests' UNSIGNED-PAYLOAD, else the body's SHA-256.
     */
    String payloadHash(HttpRequest request, RequestSignature.V4 signature, AuthErrors errors) {
        String header = request.headers().first("x-amz-content-sha256");
        if (header != null) {
            return header.strip();
        }
        if (signature.presigned()) {
            String query = request.queryParameter("X-Amz-Content-Sha256");
            if (query != null) {
                return query;
            }
            if (errors.isS3()) {
                return UNSIGNED_PAYLOAD;
            }
        } else if (errors.isS3()) {
            throw AuthErrors.s3("InvalidRequest", "Missing required header for this request: x-amz-content-sha256", 400);
        }
        return SigV4Crypto.sha256Hex(request.bodyBytes());
    }

    private static RuntimeException scopeDateMismatch(RequestSignature.V4 signature, AuthErrors errors) {
        if (errors.isS3()) {
            return AuthErrors.s3(signature.presigned() ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed",
                    (signature.presigned() ? "Error parsing the X-Amz-Credential parameter; " : "The authorization header is malformed; ")
                            + "Invalid credential date \"" + signature.scope().date() + "\". This date is not the same as X-Amz-Date: \""
                            + signature.amzDate().substring(0, Math.min(8, signature.amzDate().length())) + "\".", 400);
        }
        String day = signature.amzDate().substring(0, Math.min(8, signature.amzDate().length()));
        return errors.signatureDoesNotMatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                + signature.scope().date() + "' != '" + day + "', from '" + signature.amzDate() + "'.");
    }
}
