package io.kasumi.server;

import io.kasumi.Kasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifyModeTest {
    private static Kasumi kasumi;

    @BeforeAll
    static void start() {
        kasumi = TestKasumi.start("verify");
    }

    @AfterAll
    static void stop() {
        kasumi.close();
    }

    @Test
    void correctlySignedRequestIsServed() {
        try (StsClient sts = TestKasumi.sts(kasumi)) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        }
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        try (StsClient sts = TestKasumi.sts(kasumi, AwsBasicCredentials.create("test", "not-the-secret"))) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        }
    }

    @Test
    void unknownAccessKeyIsInvalidClientTokenId() {
        try (StsClient sts = TestKasumi.sts(kasumi, AwsBasicCredentials.create("AKIANOBODYKNOWS00000", "x"))) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        }
    }

    @Test
    void temporaryCredentialsWorkUntilTheyExpire() {
        Credentials credentials;
        try (StsClient sts = TestKasumi.sts(kasumi)) {
            credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/app").roleSessionName("verify")
                    .durationSeconds(900)).credentials();
        }
        try (StsClient asRole = TestKasumi.sts(kasumi, TestKasumi.session(credentials))) {
            assertThat(asRole.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/app/verify");

            kasumi.clock().advance(Duration.ofMinutes(16));
            try {
                assertThatThrownBy(asRole::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
            } finally {
                kasumi.clock().reset();
            }
        }
    }
}
