package io.kasumi.it;

import io.kasumi.Kasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every acknowledged write survives kill -9: Kasumi runs as a child process with a data dir,
 * eight clients write until it is killed mid-load, and after a restart every acknowledged write
 * is there.
 */
class CrashDurabilityTest {
    private static final Pattern READY = Pattern.compile("ready on (http://\\S+)");

    private record Ack(String arn, AwsSessionCredentials credentials) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillNine(@TempDir Path dataDir) throws Exception {
        Process child = startChild(dataDir);
        String endpoint = awaitReady(child);
        Queue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch writers = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> {
                try (StsClient sts = client(endpoint, AwsBasicCredentials.create("test", "test"))) {
                    for (int i = 0; !killed.get(); i++) {
                        String session = "t" + thread + "-" + i;
                        AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/load")
                                .roleSessionName(session));
                        acknowledged.add(new Ack(response.assumedRoleUser().arn(), TestKasumi.session(response.credentials())));
                    }
                } catch (RuntimeException expectedOnceKilled) {
                    // the server died under the client: writes in flight were never acknowledged
                } finally {
                    writers.countDown();
                }
            });
        }
        Thread.sleep(1500);
        killed.set(true);
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
        assertThat(writers.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThan(50);

        try (Kasumi restarted = Kasumi.builder().port(0).dataDir(dataDir).authMode("verify").start()) {
            List<String> lost = new ArrayList<>();
            for (Ack ack : acknowledged) {
                try (StsClient asRole = client(restarted.endpoint(), ack.credentials())) {
                    if (!ack.arn().equals(asRole.getCallerIdentity().arn())) {
                        lost.add(ack.arn());
                    }
                } catch (RuntimeException e) {
                    lost.add(ack.arn() + " (" + e.getMessage() + ")");
                }
            }
            assertThat(lost).as("acknowledged writes lost after kill -9").isEmpty();
        }
    }

    private static StsClient client(String endpoint, software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
        return StsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static Process startChild(Path dataDir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Kasumi.class.getName(), "start", "--port", "0", "--data-dir", dataDir.toString(), "--auth", "verify",
                "--log-level", "warn")
                .redirectErrorStream(true)
                .start();
    }

    private static String awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = READY.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
                return m.group(1);
            }
        }
        child.destroyForcibly();
        throw new IllegalStateException("Kasumi child never became ready:\n" + seen);
    }
}
