package io.kasumi.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The readiness probe every target gets: a signed STS GetCallerIdentity through the AWS SDK,
 * without SDK retries so each attempt is one real request.
 */
final class CallerIdentityProbe implements AutoCloseable {
    private final InetSocketAddress address;
    private final StsClient sts;

    CallerIdentityProbe(URI endpoint) {
        this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
        this.sts = StsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /**
     * One request; true when it was answered with a caller identity. While the port refuses
     * connections a bare connect stands in for the SDK call, which would fail the same way but
     * take CPU from the starting server.
     */
    boolean answers() {
        if (!accepting()) {
            return false;
        }
        try {
            return sts.getCallerIdentity().account() != null;
        } catch (SdkException notYet) {
            return false;
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /**
     * Polls until the first successful answer and returns its {@link System#nanoTime()}.
     *
     * @param alive false once the target can no longer answer (its process exited)
     */
    long awaitFirstAnswer(BooleanSupplier alive, Duration timeout, Duration interval) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (answers()) {
                return System.nanoTime();
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the target exited before it answered");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no answer within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(interval);
        }
    }

    @Override
    public void close() {
        sts.close();
    }
}
