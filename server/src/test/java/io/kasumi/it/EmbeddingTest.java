package io.kasumi.it;

import io.kasumi.Kasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddingTest {

    @Test
    void twoInstancesInOneJvmDoNotShareState() {
        try (Kasumi first = TestKasumi.start("verify"); Kasumi second = TestKasumi.start("verify")) {
            assertThat(first.port()).isNotEqualTo(second.port());
            Credentials credentials;
            try (StsClient sts = TestKasumi.sts(first)) {
                credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/one").roleSessionName("s1")).credentials();
            }
            try (StsClient onFirst = TestKasumi.sts(first, TestKasumi.session(credentials));
                 StsClient onSecond = TestKasumi.sts(second, TestKasumi.session(credentials))) {
                assertThat(onFirst.getCallerIdentity().arn()).endsWith("assumed-role/one/s1");
                assertThatThrownBy(onSecond::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
            }
            first.clock().advance(Duration.ofDays(3));
            assertThat(second.clock().offset()).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void closeFreesThePort() throws IOException {
        int port;
        try (Kasumi kasumi = TestKasumi.start()) {
            port = kasumi.port();
            assertThat(kasumi.endpoint()).isEqualTo("http://127.0.0.1:" + port);
        }
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void restartOnTheSameDataDirKeepsState(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir) {
        Credentials credentials;
        try (Kasumi kasumi = Kasumi.builder().port(0).dataDir(dataDir).authMode("verify").start();
             StsClient sts = TestKasumi.sts(kasumi)) {
            credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/keep").roleSessionName("kept")).credentials();
        }
        try (Kasumi kasumi = Kasumi.builder().port(0).dataDir(dataDir).authMode("verify").start();
             StsClient asRole = TestKasumi.sts(kasumi, TestKasumi.session(credentials))) {
            assertThat(asRole.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/keep/kept");
        }
    }
}
