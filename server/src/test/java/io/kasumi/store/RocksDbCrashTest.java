package io.kasumi.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kills a writing process with SIGKILL and checks that every write it acknowledged survived. */
class RocksDbCrashTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void everyAcknowledgedWriteSurvivesKill9() throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path kv = Files.createDirectory(dir.resolve("kv"));
        // RocksDB extracts its native library to java.io.tmpdir and a killed JVM cannot delete it.
        Path childTmp = Files.createDirectory(dir.resolve("tmp"));
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + childTmp,
                "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), kv.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();

        List<String> acked = new ArrayList<>();
        CountDownLatch firstAck = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        synchronized (acked) {
                            acked.add(line.substring(4));
                        }
                        firstAck.countDown();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            assertThat(firstAck.await(15, TimeUnit.SECONDS)).as("child acknowledged a write").isTrue();
            Thread.sleep(1000);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        reader.join();

        // A torn final line would not be a full "ACK t<n>-<m>"; drop it.
        List<String> keys = acked.stream().filter(k -> k.matches("t\\d+-\\d+")).toList();
        assertThat(keys).hasSizeGreaterThan(100);
        try (RocksDbStore store = RocksDbStore.open(kv)) {
            List<String> missing = new ArrayList<>();
            for (String key : keys) {
                byte[] value = store.get(key.getBytes(StandardCharsets.UTF_8));
                if (value == null || !new String(value, StandardCharsets.UTF_8).equals(
                        new String(CrashWriter.value(key), StandardCharsets.UTF_8))) {
                    missing.add(key);
                }
            }
            assertThat(missing).as("acknowledged writes lost or wrong of " + keys.size()).isEmpty();
        }
    }
}
