package io.kasumi.server;

import io.kasumi.Kasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Presigned URLs, as `aws s3 presign` and EKS-style STS tokens use them, honour their expiry in every mode. */
class PresignedUrlTest {
    private Kasumi kasumi;

    @AfterEach
    void stop() {
        kasumi.close();
    }

    private URI presign(String service, String pathAndQuery, String secret, Duration lifetime) {
        URI target = URI.create(kasumi.endpoint() + pathAndQuery);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(target);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("test", secret))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(kasumi.clock().instant(), ZoneOffset.UTC))
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, lifetime)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, !service.equals("s3"))
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !service.equals("s3"))
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !service.equals("s3"))).request();
        return signed.getUri();
    }

    private static HttpResponse<String> get(URI uri) {
        return TestKasumi.send(HttpRequest.newBuilder(uri).GET().build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "verify"})
    void presignedCallerIdentityWorksUntilItExpires(String mode) {
        kasumi = TestKasumi.start(mode);
        URI url = presign("sts", "/?Action=GetCallerIdentity&Version=2011-06-15", "test", Duration.ofMinutes(1));

        HttpResponse<String> fresh = get(url);
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.body()).contains("<Arn>arn:aws:iam::000000000000:root</Arn>");

        kasumi.clock().advance(Duration.ofMinutes(2));
        HttpResponse<String> expired = get(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "verify"})
    void expiredPresignedS3UrlIsAccessDenied(String mode) {
        kasumi = TestKasumi.start(mode);
        URI url = presign("s3", "/some-bucket/some%20key.txt", "test", Duration.ofSeconds(30));

        kasumi.clock().advance(Duration.ofMinutes(1));
        HttpResponse<String> response = get(url);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>").contains("Request has expired");
    }

    @Test
    void tamperedPresignedUrlIsRefusedWhenVerifying() {
        kasumi = TestKasumi.start("verify");
        URI url = presign("sts", "/?Action=GetCallerIdentity&Version=2011-06-15", "wrong-secret", Duration.ofMinutes(1));

        HttpResponse<String> response = get(url);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }
}
