package io.kasumi.auth;

import io.kasumi.api.AwsException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS answers authentication failures differently per family: S3 has its own codes, query
 * services (STS, IAM, EC2...) use plain codes with 403, JSON services suffix "Exception" and use 400.
 */
public enum AuthErrors {
    S3, QUERY, JSON;

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final String MISMATCH_MESSAGE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private static final String S3_MISMATCH_MESSAGE = "The request signature we calculated does not match the signature you "
            + "provided. Check your key and signing method.";
    private static final String INVALID_TOKEN_MESSAGE = "The security token included in the request is invalid.";

    /** S3 for the "s3" signing name (and S3's variants), QUERY for everything else. */
    public static AuthErrors forService(String signingName) {
        return switch (signingName == null ? "" : signingName) {
            case "s3", "s3-object-lambda", "s3express" -> S3;
            default -> QUERY;
        };
    }

    public boolean isS3() {
        return this == S3;
    }

    /** A plain AWS error of this family's form: JSON services add "Exception" and answer 400. */
    private AwsException error(String code, String message, int queryStatus) {
        return switch (this) {
            case JSON -> new AwsException(code + "Exception", message, 400, true);
            case S3, QUERY -> new AwsException(code, message, queryStatus, true);
        };
    }

    static AwsException s3(String code, String message, int status) {
        return new AwsException(code, message, status, true);
    }

    static AwsException s3(String code, String message, int status, Map<String, Object> fields) {
        return new AwsException(code, message, status, true, fields);
    }

    public AwsException incompleteSignature(String message) {
        return error("IncompleteSignature", message, 400);
    }

    /** A non-S3 request without any signature. */
    public AwsException missingAuthenticationToken() {
        return error("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
    }

    public AwsException unknownAccessKey(String accessKeyId) {
        return switch (this) {
            case S3 -> s3("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403,
                    Map.of("AWSAccessKeyId", accessKeyId));
            case QUERY -> new AwsException("InvalidClientTokenId", INVALID_TOKEN_MESSAGE, 403, true);
            case JSON -> new AwsException("UnrecognizedClientException", INVALID_TOKEN_MESSAGE, 400, true);
        };
    }

    /** The session token does not belong to the access key (or is missing). */
    public AwsException invalidToken() {
        return switch (this) {
            case S3 -> s3("InvalidToken", "The provided token is malformed or otherwise invalid.", 400);
            case QUERY -> new AwsException("InvalidClientTokenId", INVALID_TOKEN_MESSAGE, 403, true);
            case JSON -> new AwsException("UnrecognizedClientException", INVALID_TOKEN_MESSAGE, 400, true);
        };
    }

    /** Temporary credentials past their expiration. */
    public AwsException expiredToken() {
        return switch (this) {
            case S3 -> s3("ExpiredToken", "The provided token has expired.", 400);
            case QUERY -> new AwsException("ExpiredToken", "The security token included in the request is expired", 403, true);
            case JSON -> new AwsException("ExpiredTokenException", "The security token included in the request is expired", 400, true);
        };
    }

    /** Query and JSON services include the expected canonical request and string to sign in the message. */
    public AwsException signatureMismatch(String accessKeyId, String canonicalRequest, String stringToSign, String provided) {
        if (this == S3) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("AWSAccessKeyId", accessKeyId);
            fields.put("StringToSign", stringToSign);
            fields.put("SignatureProvided", provided);
            fields.put("CanonicalRequest", canonicalRequest);
            return s3("SignatureDoesNotMatch", S3_MISMATCH_MESSAGE, 403, fields);
        }
        String message = MISMATCH_MESSAGE
                + "\n\nThe Canonical String for this request should have been\n'" + canonicalRequest + "'\n"
                + "\nThe String-to-Sign should have been\n'" + stringToSign + "'\n";
        return signatureDoesNotMatch(message);
    }

    /** A signature mismatch without the canonical request (chunk and trailer signatures). */
    public AwsException signatureMismatch() {
        return this == S3 ? s3("SignatureDoesNotMatch", S3_MISMATCH_MESSAGE, 403) : signatureDoesNotMatch(MISMATCH_MESSAGE);
    }

    /** SignatureDoesNotMatch (InvalidSignatureException for JSON services) with the given message. */
    AwsException signatureDoesNotMatch(String message) {
        return this == JSON
                ? new AwsException("InvalidSignatureException", message, 400, true)
                : new AwsException("SignatureDoesNotMatch", message, 403, true);
    }

    /** A header-signed request whose time is more than the allowed skew away from now. */
    public AwsException requestTimeSkewed(String amzDate, Instant now, Duration maxSkew) {
        if (this == S3) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("RequestTime", amzDate);
            fields.put("ServerTime", now.toString());
            fields.put("MaxAllowedSkewMilliseconds", Long.toString(maxSkew.toMillis()));
            return s3("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403, fields);
        }
        Instant requestTime;
        try {
            requestTime = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (RuntimeException e) {
            requestTime = now;
        }
        long minutes = maxSkew.toMinutes();
        String message = requestTime.isBefore(now)
                ? "Signature expired: " + amzDate + " is now earlier than " + AMZ_DATE.format(now.minus(maxSkew))
                        + " (" + AMZ_DATE.format(now) + " - " + minutes + " min.)"
                : "Signature not yet current: " + amzDate + " is still later than " + AMZ_DATE.format(now.plus(maxSkew))
                        + " (" + AMZ_DATE.format(now) + " + " + minutes + " min.)";
        return signatureDoesNotMatch(message);
    }

    /** A presigned request past X-Amz-Date + X-Amz-Expires. */
    public AwsException presignedExpired(RequestSignature.V4 signature, Instant now) {
        Instant expiresAt = signature.timestamp().plus(signature.expires());
        if (this == S3) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("X-Amz-Expires", Long.toString(signature.expires().toSeconds()));
            fields.put("Expires", expiresAt.toString());
            fields.put("ServerTime", now.toString());
            return s3("AccessDenied", "Request has expired", 403, fields);
        }
        // Query services answer expired presigned URLs (e.g. STS tokens for EKS) as an expired signature.
        long seconds = signature.expires().toSeconds();
        String window = seconds % 60 == 0 ? (seconds / 60) + " min." : seconds + " sec.";
        return signatureDoesNotMatch("Signature expired: " + signature.amzDate() + " is now earlier than "
                + AMZ_DATE.format(now.minus(signature.expires())) + " (" + AMZ_DATE.format(now) + " - " + window + ")");
    }

    /** A presigned request dated further in the future than the allowed skew. */
    public AwsException presignedNotYetValid(RequestSignature.V4 signature, Instant now, Duration maxSkew) {
        return this == S3 ? s3("AccessDenied", "Request is not valid yet", 403) : requestTimeSkewed(signature.amzDate(), now, maxSkew);
    }

    /** The body does not hash to the x-amz-content-sha256 value that was signed. */
    public AwsException contentSha256Mismatch() {
        return this == S3
                ? s3("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", 400)
                : signatureMismatch();
    }

    /** The aws-chunked body ended early, or its framing is broken. */
    public AwsException incompleteBody() {
        return s3("IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header.", 400);
    }

    /** A chunk other than the last one is smaller than 8 KiB. */
    public AwsException invalidChunkSize(int chunkNumber, long size) {
        return s3("InvalidChunkSizeError", "Only the last chunk is allowed to have a size less than 8192 bytes", 403,
                Map.of("Chunk", Integer.toString(chunkNumber), "BadChunkSize", Long.toString(size)));
    }
}
