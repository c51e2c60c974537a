package io.kasumi.junit.example;

import io.kasumi.clock.VirtualClock;
import io.kasumi.junit.KasumiClient;
import io.kasumi.junit.KasumiTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The README's JUnit 5 example, word for word but for the class name, outside the extension's package so it sees only the public API. */
@KasumiTest(auth = "verify")
class ReadmeExampleTest {
    @KasumiClient
    StsClient sts;                       // or take it as a parameter, as below

    @Test
    void sessionsExpire(VirtualClock clock, URI endpoint) {
        Credentials issued = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        try (StsClient asSession = StsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken())))
                .build()) {
            assertEquals("000000000000", asSession.getCallerIdentity().account());

            clock.advance(Duration.ofMinutes(16));   // no sleeping

            assertThrows(StsException.class, asSession::getCallerIdentity);
        }
    }
}
