package io.kasumi.junit;

import io.kasumi.clock.VirtualClock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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

/** The first test leaves state and a moved clock behind; the second finds neither. */
@KasumiTest(auth = "verify", resetBetweenTests = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResetBetweenTestsTest {
    private Credentials issued;

    @Test
    @Order(1)
    void issueCredentialsAndMoveTheClock(StsClient sts, URI endpoint, VirtualClock clock) {
        issued = sts.getSessionToken().credentials();
        try (StsClient withSession = sessionClient(endpoint)) {
            assertThat(withSession.getCallerIdentity().account()).isEqualTo("000000000000");
        }
        clock.advance(Duration.ofMinutes(5));
    }

    @Test
    @Order(2)
    void stateAndClockAreResetAfterEachTest(URI endpoint, VirtualClock clock) {
        assertThat(issued).as("the first test ran").isNotNull();
        assertThat(clock.offset()).isLessThan(Duration.ofMinutes(1));
        try (StsClient withSession = sessionClient(endpoint)) {
            assertThatThrownBy(withSession::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    private StsClient sessionClient(URI endpoint) {
        return StsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken())))
                .build();
    }
}
