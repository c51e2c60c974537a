package io.kasumi.auth;

/**
 * The scope part of a SigV4 credential: {@code 20260101/us-east-1/sts/aws4_request}.
 *
 * @param date the scope date as sent, yyyyMMdd
 */
public record AwsCredentialScope(String date, String region, String service) {
    public static final String TERMINATOR = "aws4_request";

    /** The scope as it appears in the string to sign. */
    public String value() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }

    @Override
    public String toString() {
        return value();
    }
}
