package io.kasumi.junit;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

/**
 * What an S3 client needs against one local endpoint: the bucket goes in the path (there is no
 * {@code bucket.127.0.0.1}), and checksums are computed only where the API requires them. Only
 * loaded when an S3 client is asked for, so the S3 SDK stays optional.
 */
final class S3Settings {
    private static final String S3_PACKAGE = "software.amazon.awssdk.services.s3";

    private S3Settings() {
    }

    static boolean appliesTo(Class<?> clientType) {
        return clientType.getPackageName().equals(S3_PACKAGE);
    }

    static void apply(AwsClientBuilder<?, ?> builder) {
        if (builder instanceof S3BaseClientBuilder<?, ?> s3) {
            s3.forcePathStyle(true);
            s3.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
            s3.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
    }
}
