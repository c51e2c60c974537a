package io.kasumi.services.sqs;

import io.kasumi.Kasumi;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/** SQS clients against a test Kasumi, and small helpers the SQS tests share. */
final class SqsClients {

    static SqsClient sqs(Kasumi kasumi) {
        return sqs(kasumi.endpoint(), "test");
    }

    static SqsClient sqs(String endpoint, String accessKey) {
        return SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "test")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(40)).build())
                .build();
    }

    /** A queue name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The error code clients of the json protocol see (the shape name, or AWS's code). */
    static String code(Throwable error) {
        return ((SqsException) error).awsErrorDetails().errorCode();
    }

    private SqsClients() {
    }
}
