package io.kasumi.junit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS SDK v2 clients for one Kasumi: pointed at its endpoint, in the test's region, signing with
 * {@code test}/{@code test}. One client per type, made on first request and closed with the instance.
 */
final class SdkClients implements AutoCloseable {
    private static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final URI endpoint;
    private final Region region;
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();

    SdkClients(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = Region.of(region);
    }

    /** Whether the type is an SDK client (whether it can be built is found out when it is asked for). */
    static boolean isClientType(Class<?> type) {
        return SdkClient.class.isAssignableFrom(type);
    }

    /**
     * The client of this type, made on first request.
     *
     * @throws IllegalArgumentException when the type is not a buildable client interface
     */
    <T> T get(Class<T> type) {
        return type.cast(clients.computeIfAbsent(type, this::build));
    }

    private SdkClient build(Class<?> type) {
        AwsClientBuilder<?, ?> builder = ClientBuilders.builderFor(type);
        builder.endpointOverride(endpoint);
        builder.region(region);
        builder.credentialsProvider(CREDENTIALS);
        if (S3Settings.appliesTo(type)) {
            S3Settings.apply(builder);
        }
        return (SdkClient) builder.build();
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (SdkClient client : clients.values()) {
            try {
                client.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        clients.clear();
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("SDK clients did not close cleanly");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
