package io.kasumi.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;

/**
 * The SDK clients the load workloads share, one per service, all thread-safe, over one Apache
 * connection pool big enough that no client thread waits for a connection. Retries are off, so
 * every operation is one request and a failure counts as an error.
 */
final class SdkClients implements AutoCloseable {
    private final SdkHttpClient http;
    private final StsClient sts;
    private final SqsClient sqs;

    SdkClients(URI endpoint, int connections) {
        // Apache rather than url-connection: the JDK's keep-alive cache holds 5 connections per host.
        this.http = ApacheHttpClient.builder()
                .maxConnections(connections)
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        this.sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        this.sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    StsClient sts() {
        return sts;
    }

    SqsClient sqs() {
        return sqs;
    }

    @Override
    public void close() {
        sts.close();
        sqs.close();
        http.close();
    }
}
