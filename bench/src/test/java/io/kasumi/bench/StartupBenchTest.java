package io.kasumi.bench;

import io.kasumi.bench.StartupTarget.EmbeddedTarget;
import io.kasumi.bench.StartupTarget.ProcessTarget;
import io.kasumi.bench.StartupTarget.StartupSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupBenchTest {

    @Test
    void substitutesThePortIntoTheCommand() {
        ProcessTarget moto = new ProcessTarget("moto", List.of("moto_server", "-p", "{port}"));
        assertThat(moto.commandFor(4567)).containsExactly("moto_server", "-p", "4567");
    }

    @Test
    void rejectsACommandWithoutAPort() {
        assertThatThrownBy(() -> new ProcessTarget("moto", List.of("moto_server")))
                .hasMessageContaining("{port}");
    }

    @Test
    void measuresAnEmbeddedStartToTheFirstAnswer(@TempDir Path logs) throws Exception {
        StartupSample sample = new EmbeddedTarget().measure("1", false,
                new StartupSettings(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMillis(5), logs));
        assertThat(sample.startupMs()).isPositive();
        assertThat(sample.tsv()).startsWith("embedded\t1\t").endsWith("\t-");
    }

    @Test
    void reportsRunsAndASummary(@TempDir Path logs) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Bench.run("startup", "--targets", "embedded", "--runs", "2", "--warmup", "0", "--log-dir", logs.toString());
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(report).contains("target\trun\tstartup_ms\trss_mb", "\nembedded\t1\t", "\nembedded\t2\t",
                "startup_median_ms", "\nembedded\t2\t");
    }
}
