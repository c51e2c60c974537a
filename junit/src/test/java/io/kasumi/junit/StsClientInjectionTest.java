package io.kasumi.junit;

import io.kasumi.clock.VirtualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KasumiTest(auth = "verify")
class StsClientInjectionTest {

    @Test
    void injectedClientTalksToKasumi(StsClient sts) {
        assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
    }

    @Test
    void injectedClientUsesTheEndpointAndRegion(StsClient sts, URI endpoint) {
        assertThat(sts.serviceClientConfiguration().endpointOverride()).contains(endpoint);
        assertThat(sts.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void movingTheClockExpiresIssuedCredentials(StsClient sts, VirtualClock clock, URI endpoint) {
        Credentials issued = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/reader")
                .roleSessionName("junit").durationSeconds(900)).credentials();
        try (StsClient asRole = StsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken())))
                .build()) {
            assertThat(asRole.getCallerIdentity().arn()).endsWith("assumed-role/reader/junit");

            clock.advance(Duration.ofMinutes(16));

            assertThatThrownBy(asRole::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        } finally {
            clock.reset();
        }
    }
}
