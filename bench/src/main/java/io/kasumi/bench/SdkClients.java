package io.kasumi.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK clients the load workloads share, one per service, all thread-safe, over one Apache
 * connection pool big enough that no client thread waits for a connection. Retries are off, so
 * every operation is one request and a failure counts as an error.
 */
final class SdkClients implements AutoCloseable {
    private final URI endpoint;
    private final SdkHttpClient http;
    private final List<SdkClient> made = new ArrayList<>();
    private final StsClient sts;
    private final SqsClient sqs;
    private final S3Client s3;
    private final DynamoDbClient dynamodb;
    private final SecretsManagerClient secretsManager;
    private final SsmClient ssm;

    SdkClients(URI endpoint, int connections) {
        this.endpoint = endpoint;
        // Apache rather than url-connection: the JDK's keep-alive cache holds 5 connections per host.
        this.http = ApacheHttpClient.builder()
                .maxConnections(connections)
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        this.sts = configure(StsClient.builder());
        this.sqs = configure(SqsClient.builder());
        this.s3 = configure(S3Client.builder().forcePathStyle(true));
        this.dynamodb = configure(DynamoDbClient.builder());
        this.secretsManager = configure(SecretsManagerClient.builder());
        this.ssm = configure(SsmClient.builder());
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkClient> C configure(B builder) {
        C client = builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        made.add(client);
        return client;
    }

    StsClient sts() {
        return sts;
    }

    SqsClient sqs() {
        return sqs;
    }

    S3Client s3() {
        return s3;
    }

    DynamoDbClient dynamodb() {
        return dynamodb;
    }

    SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    SsmClient ssm() {
        return ssm;
    }

    @Override
    public void close() {
        made.forEach(SdkClient::close);
        http.close();
    }
}
