package io.kasumi;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Starts Kasumi on a free port for a test class and builds SDK clients against it. */
public final class TestKasumi {

    public static Kasumi start() {
        return Kasumi.builder().port(0).start();
    }

    public static Kasumi start(String authMode) {
        return Kasumi.builder().port(0).authMode(authMode).start();
    }

    public static StsClient sts(Kasumi kasumi) {
        return sts(kasumi, AwsBasicCredentials.create("test", "test"));
    }

    public static StsClient sts(Kasumi kasumi, AwsCredentials credentials) {
        return StsClient.builder()
                .endpointOverride(URI.create(kasumi.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static AwsSessionCredentials session(software.amazon.awssdk.services.sts.model.Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    /** A raw HTTP exchange, for what SDKs never send: malformed bodies, missing headers. */
    public static HttpResponse<String> send(HttpRequest request) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private TestKasumi() {
    }
}
