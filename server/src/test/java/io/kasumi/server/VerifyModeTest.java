package io.kasumi.server;

import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifyModeTest {
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create().authMode("verify");

    @Test
    void correctlySignedRequestIsServed() {
        try (StsClient sts = TestKasumi.sts(kasumi.kasumi())) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        }
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        try (StsClient sts = TestKasumi.sts(kasumi.kasumi(), AwsBasicCredentials.create("test", "not-the-secret"))) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        }
    }

    @Test
    void unknownAccessKeyIsInvalidClientTokenId() {
        try (StsClient sts = TestKasumi.sts(kasumi.kasumi(), AwsBasicCredentials.create("AKIANOBODYKNOWS00000", "x"))) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        }
    }

    @Test
    void temporaryCredentialsWorkUntilTheyExpire() {
        Credentials credentials;
        try (StsClient sts = TestKasumi.sts(kasumi.kasumi())) {
            credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/app").roleSessionName("verify")
                    .durationSeconds(900)).credentials();
        }
        try (StsClient asRole = TestKasumi.sts(kasumi.kasumi(), TestKasumi.session(credentials))) {
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
