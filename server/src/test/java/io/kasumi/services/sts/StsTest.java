package io.kasumi.services.sts;

import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StsTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/deploy/ci-deployer";

    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static StsClient sts;

    @BeforeAll
    static void connect() {
        sts = kasumi.client(TestKasumi::sts);
    }

    @Test
    void callerIdentityOfDefaultKeyIsRootOfDefaultAccount() {
        GetCallerIdentityResponse identity = sts.getCallerIdentity();

        assertThat(identity.account()).isEqualTo("000000000000");
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        assertThat(identity.userId()).isEqualTo("000000000000");
    }

    @Test
    void twelveDigitAccessKeyIsItsOwnAccount() {
        try (StsClient other = TestKasumi.sts(kasumi.kasumi(), AwsBasicCredentials.create("123456789012", "secret"))) {
            assertThat(other.getCallerIdentity().account()).isEqualTo("123456789012");
        }
    }

    @Test
    void assumeRoleIssuesCredentialsThatCarryTheAssumedRoleIdentity() {
        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("build-42").durationSeconds(1800));

        Credentials credentials = assumed.credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotBlank();
        assertThat(credentials.expiration()).isCloseTo(kasumi.clock().instant().plus(Duration.ofMinutes(30)), within(Duration.ofSeconds(5)));
        assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/ci-deployer/build-42");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z2-7]{17}:build-42");
        assertThat(assumed.packedPolicySize()).isNull();

        try (StsClient asRole = TestKasumi.sts(kasumi.kasumi(), TestKasumi.session(credentials))) {
            GetCallerIdentityResponse identity = asRole.getCallerIdentity();
            assertThat(identity.account()).isEqualTo("111122223333");
            assertThat(identity.arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/ci-deployer/build-42");
            assertThat(identity.userId()).isEqualTo(assumed.assumedRoleUser().assumedRoleId());
        }
    }

    @Test
    void sameRoleKeepsItsRoleIdAcrossSessions() {
        String first = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("aa")).assumedRoleUser().assumedRoleId();
        String second = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("bb")).assumedRoleUser().assumedRoleId();

        assertThat(first.substring(0, first.indexOf(':'))).isEqualTo(second.substring(0, second.indexOf(':')));
    }

    @Test
    void sessionPolicyReportsPackedPolicySize() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

        AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("scoped").policy(policy));

        assertThat(assumed.packedPolicySize()).isBetween(1, 100);
    }

    @Test
    void malformedSessionPolicyIsRejected() {
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("bad").policy("{not json")))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument"));
    }

    @Test
    void roleArnThatIsNotARoleIsInvalid() {
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::111122223333:user/alice").roleSessionName("x1")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void sessionNameOutsideTheModelConstraintsGetsValidationError() {
        assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("a")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .contains("Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2");
                });
    }

    @Test
    void roleChainingIsLimitedToOneHour() {
        Credentials first = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("hop1")).credentials();
        try (StsClient asRole = TestKasumi.sts(kasumi.kasumi(), TestKasumi.session(first))) {
            assertThatThrownBy(() -> asRole.assumeRole(r -> r.roleArn(ROLE).roleSessionName("hop2").durationSeconds(7200)))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .contains("1 hour session limit for roles assumed by role chaining"));
            assertThat(asRole.assumeRole(r -> r.roleArn(ROLE).roleSessionName("hop2").durationSeconds(3600))
                    .assumedRoleUser().arn()).endsWith("/hop2");
        }
    }

    @Test
    void sessionTokenOfRootIsCappedAtOneHour() {
        Instant expiration = sts.getSessionToken(r -> r.durationSeconds(36000)).credentials().expiration();

        assertThat(expiration).isCloseTo(kasumi.clock().instant().plus(Duration.ofHours(1)), within(Duration.ofSeconds(5)));
    }

    @Test
    void sessionTokenCredentialsKeepTheCallersIdentity() {
        Credentials credentials = sts.getSessionToken().credentials();

        try (StsClient session = TestKasumi.sts(kasumi.kasumi(), TestKasumi.session(credentials))) {
            assertThat(session.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThatThrownBy(session::getSessionToken)
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void accessKeyInfoNamesTheAccountOfTheKey() {
        Credentials credentials = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("info")).credentials();

        assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(credentials.accessKeyId())).account()).isEqualTo("111122223333");
        assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId("AKIAIOSFODNN7EXAMPLE")).account()).isEqualTo("000000000000");
    }

    @Test
    void unimplementedOperationAnswersNotImplemented() {
        assertThatThrownBy(() -> sts.decodeAuthorizationMessage(r -> r.encodedMessage("abc")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                    assertThat(e.statusCode()).isEqualTo(501);
                });
    }
}
