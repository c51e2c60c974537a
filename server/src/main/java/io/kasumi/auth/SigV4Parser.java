package io.kasumi.auth;

import io.kasumi.protocol.HttpRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads how a request is signed: the SigV4 Authorization header, a presigned query string, a
 * legacy SigV2 signature, or nothing. Malformed signatures become AWS's errors; nothing is verified here.
 */
public final class SigV4Parser {
    /** S3 refuses presigned URLs valid for more than seven days. */
    public static final Duration MAX_PRESIGNED_EXPIRY = Duration.ofDays(7);

    private static final String V4_PREFIX = SigV4Crypto.ALGORITHM;
    private static final String QUERY_PARAMETERS_REQUIRED = "AWS query-string parameters must include 'X-Amz-Algorithm', "
            + "'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Signature'. Re-examine the query-string parameters.";
    private static final String S3_QUERY_PARAMETERS_REQUIRED = "Query-string authentication version 4 requires the "
            + "X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";
    private static final String S3_HEADER_MALFORMED = "The authorization header is malformed; the authorization header "
            + "requires three components: Credential, SignedHeaders, and Signature.";

    public RequestSignature parse(HttpRequest request, AuthErrors errors) {
        String authorization = request.headers().first("Authorization");
        Map<String, List<String>> query = request.queryParameters();
        boolean presigned = query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Credential");
        if (authorization != null && presigned && errors.isS3()) {
            throw AuthErrors.s3("InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
                    + "Signature query string parameter or the Authorization header should be specified", 400);
        }
        if (authorization != null) {
            return parseHeader(request, authorization, errors);
        }
        if (presigned) {
            return parseQuery(request, errors);
        }
        String legacyKey = request.queryParameter("AWSAccessKeyId");
        if (legacyKey != null && request.queryParameter("Signature") != null) {
            return new RequestSignature.V2(legacyKey);
        }
        return new RequestSignature.Unsigned();
    }

    /** The signing name in the request's credential scope, or null; for choosing the error family early. */
    public static String signingService(HttpRequest request) {
        String credential = null;
        String authorization = request.headers().first("Authorization");
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int end = authorization.indexOf(',', at);
                credential = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end).trim();
            }
        } else {
            credential = request.queryParameter("X-Amz-Credential");
        }
        if (credential == null) {
            return null;
        }
        String[] parts = credential.split("/", -1);
        return parts.length == 5 ? parts[3] : null;
    }

    private RequestSignature parseHeader(HttpRequest request, String authorization, AuthErrors errors) {
        String value = authorization.strip();
        if (!value.startsWith(V4_PREFIX + " ")) {
            return parseOtherScheme(request, value, errors);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        // AWS splits on commas and whitespace alike: a stray space inside a value breaks the pair.
        for (String part : value.substring(V4_PREFIX.length()).split("[,\\s]+")) {
            String pair = part.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                if (errors.isS3()) {
                    throw AuthErrors.s3("AuthorizationHeaderMalformed", S3_HEADER_MALFORMED, 400);
                }
                throw errors.incompleteSignature("'" + pair + "' not a valid key=value pair (missing equal-sign) in "
                        + "Authorization header: '" + authorization + "'.");
            }
            parameters.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        String credential = parameters.get("Credential");
        String signedHeaders = parameters.get("SignedHeaders");
        String signature = parameters.get("Signature");
        DatedRequest date = headerDate(request);
        if (credential == null || signedHeaders == null || signature == null || date == null) {
            if (errors.isS3()) {
                if (date == null && credential != null && signedHeaders != null && signature != null) {
                    throw AuthErrors.s3("AccessDenied", "AWS authentication requires a valid Date or x-amz-date header", 403);
                }
                throw AuthErrors.s3("AuthorizationHeaderMalformed", S3_HEADER_MALFORMED, 400);
            }
            throw errors.incompleteSignature(missingParts(credential, signedHeaders, signature, date) + "Authorization=" + authorization);
        }
        Credential parsed = parseCredential(credential, errors, false);
        return new RequestSignature.V4(parsed.accessKeyId(), parsed.scope(), splitSignedHeaders(signedHeaders), signature,
                date.amzDate(), date.instant(), null, false, request.headers().first("X-Amz-Security-Token"));
    }

    private static String missingParts(String credential, String signedHeaders, String signature, DatedRequest date) {
        StringBuilder message = new StringBuilder();
        if (credential == null) {
            message.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null) {
            message.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeaders == null) {
            message.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (date == null) {
            message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        return message.toString();
    }

    /** A non-SigV4 Authorization header: S3 still knows SigV2, other services know nothing else. */
    private RequestSignature parseOtherScheme(HttpRequest request, String value, AuthErrors errors) {
        if (errors.isS3()) {
            if (value.startsWith("AWS ") && value.indexOf(':') > 4) {
                return new RequestSignature.V2(value.substring(4, value.indexOf(':')).strip());
            }
            if (value.startsWith("AWS4-")) {
                throw AuthErrors.s3("InvalidRequest", "The authorization mechanism you have provided is not supported. "
                        + "Please use AWS4-HMAC-SHA256.", 400);
            }
            throw AuthErrors.s3("InvalidArgument", "Unsupported Authorization Type", 400);
        }
        throw errors.incompleteSignature(missingParts(null, null, null, headerDate(request)) + "Authorization=" + value);
    }

    private RequestSignature parseQuery(HttpRequest request, AuthErrors errors) {
        String algorithm = request.queryParameter("X-Amz-Algorithm");
        String credential = request.queryParameter("X-Amz-Credential");
        String amzDate = request.queryParameter("X-Amz-Date");
        String signedHeaders = request.queryParameter("X-Amz-SignedHeaders");
        String signature = request.queryParameter("X-Amz-Signature");
        String expires = request.queryParameter("X-Amz-Expires");
        boolean missing = algorithm == null || credential == null || amzDate == null || signedHeaders == null || signature == null;
        if (missing || (errors.isS3() && expires == null)) {
            throw errors.isS3()
                    ? AuthErrors.s3("AuthorizationQueryParametersError", S3_QUERY_PARAMETERS_REQUIRED, 400)
                    : errors.incompleteSignature(QUERY_PARAMETERS_REQUIRED);
        }
        if (!algorithm.equals(SigV4Crypto.ALGORITHM)) {
            throw queryError(errors, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        Instant timestamp = parseAmzDate(amzDate);
        if (timestamp == null) {
            throw queryError(errors, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        Duration lifetime = expires == null ? null : parseExpires(expires, errors);
        Credential parsed = parseCredential(credential, errors, true);
        return new RequestSignature.V4(parsed.accessKeyId(), parsed.scope(), splitSignedHeaders(signedHeaders), signature,
                amzDate, timestamp, lifetime, true, request.queryParameter("X-Amz-Security-Token"));
    }

    private static Duration parseExpires(String expires, AuthErrors errors) {
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw queryError(errors, "X-Amz-Expires should be a number");
        }
        if (seconds < 0) {
            throw queryError(errors, "X-Amz-Expires must be non-negative");
        }
        if (seconds > MAX_PRESIGNED_EXPIRY.toSeconds()) {
            throw queryError(errors, "X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        return Duration.ofSeconds(seconds);
    }

    private static RuntimeException queryError(AuthErrors errors, String message) {
        return errors.isS3() ? AuthErrors.s3("AuthorizationQueryParametersError", message, 400) : errors.incompleteSignature(message);
    }

    private record Credential(String accessKeyId, AwsCredentialScope scope) {
    }

    private static Credential parseCredential(String credential, AuthErrors errors, boolean presigned) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty() || parts[1].length() != 8 || parts[2].isEmpty() || parts[3].isEmpty()) {
            String message = "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";
            if (errors.isS3()) {
                throw presigned
                        ? AuthErrors.s3("AuthorizationQueryParametersError", "Error parsing the X-Amz-Credential parameter; " + message, 400)
                        : AuthErrors.s3("AuthorizationHeaderMalformed", "The authorization header is malformed; " + message, 400);
            }
            throw errors.incompleteSignature("Credential should be scoped with a valid access key, date, region, service "
                    + "and terminator, not '" + credential + "'.");
        }
        if (!parts[4].equals(AwsCredentialScope.TERMINATOR)) {
            String message = "Credential should be scoped with a valid terminator: 'aws4_request', not '" + parts[4] + "'.";
            throw errors.isS3() ? AuthErrors.s3(presigned ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed",
                    (presigned ? "Error parsing the X-Amz-Credential parameter; " : "The authorization header is malformed; ")
                            + "incorrect terminal \"" + parts[4] + "\". This endpoint uses \"aws4_request\".", 400)
                    : errors.incompleteSignature(message);
        }
        return new Credential(parts[0], new AwsCredentialScope(parts[1], parts[2], parts[3]));
    }

    private static List<String> splitSignedHeaders(String signedHeaders) {
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";")) {
            if (!name.isBlank()) {
                names.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private record DatedRequest(String amzDate, Instant instant) {
    }

    /** X-Amz-Date wins over Date; the string to sign always carries the ISO basic form. */
    private static DatedRequest headerDate(HttpRequest request) {
        String amzDate = request.headers().first("X-Amz-Date");
        if (amzDate != null) {
            Instant instant = parseAmzDate(amzDate.strip());
            return instant == null ? null : new DatedRequest(amzDate.strip(), instant);
        }
        String date = request.headers().first("Date");
        if (date != null) {
            try {
                Instant instant = ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return new DatedRequest(AuthErrors.AMZ_DATE.format(instant), instant);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    static Instant parseAmzDate(String amzDate) {
        try {
            return Instant.from(AuthErrors.AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
