package io.kasumi.cli;

import ch.qos.logback.classic.Level;
import io.kasumi.cli.KasumiCli.Invocation;
import io.kasumi.cli.KasumiCli.StartSettings;
import io.kasumi.cli.KasumiCli.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KasumiCliTest {

    private static StartSettings start(Map<String, String> env, String... args) throws UsageException {
        Invocation invocation = KasumiCli.parse(List.of(args), env);
        assertThat(invocation).isInstanceOf(Invocation.Start.class);
        return ((Invocation.Start) invocation).settings();
    }

    @Test
    void startsWithTheDocumentedDefaults() throws UsageException {
        assertThat(start(Map.of(), "start"))
                .isEqualTo(new StartSettings(4566, "127.0.0.1", null, List.of(), "off", Level.INFO));
    }

    @Test
    void readsOptionsInBothSpellings() throws UsageException {
        StartSettings settings = start(Map.of(), "start", "--port", "0", "--host=0.0.0.0", "--data-dir", "/tmp/k",
                "--services", "sts, s3", "--auth=VERIFY", "--log-level", "debug");
        assertThat(settings).isEqualTo(new StartSettings(0, "0.0.0.0", Path.of("/tmp/k"), List.of("sts", "s3"), "verify", Level.DEBUG));
    }

    @Test
    void variablesStandInForOptionsAndOptionsWin() throws UsageException {
        Map<String, String> env = Map.of("KASUMI_PORT", "4600", "KASUMI_AUTH", "enforce", "KASUMI_SERVICES", "sqs");
        assertThat(start(env, "start")).extracting(StartSettings::port, StartSettings::auth, StartSettings::services)
                .containsExactly(4600, "enforce", List.of("sqs"));
        assertThat(start(env, "start", "--port", "4700").port()).isEqualTo(4700);
    }

    @Test
    void emptyVariablesMeanTheDefault() throws UsageException {
        assertThat(start(Map.of("KASUMI_DATA_DIR", "", "KASUMI_PORT", ""), "start"))
                .extracting(StartSettings::dataDir, StartSettings::port).containsExactly(null, 4566);
    }

    @Test
    void rejectsUnknownOptionsAndCommands() {
        assertThatThrownBy(() -> KasumiCli.parse(List.of("start", "--prot", "1"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessage("Unknown option: '--prot'");
        assertThatThrownBy(() -> KasumiCli.parse(List.of("stop"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessage("Unknown command: 'stop'");
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> KasumiCli.parse(List.of("start", "--port", "http"), Map.of())).hasMessageContaining("--port");
        assertThatThrownBy(() -> KasumiCli.parse(List.of("start", "--port", "70000"), Map.of())).hasMessageContaining("65535");
        assertThatThrownBy(() -> KasumiCli.parse(List.of("start", "--auth", "maybe"), Map.of())).hasMessageContaining("--auth");
        assertThatThrownBy(() -> KasumiCli.parse(List.of("start", "--log-level", "loud"), Map.of())).hasMessageContaining("loud");
        assertThatThrownBy(() -> KasumiCli.parse(List.of("start", "--port"), Map.of())).hasMessageContaining("Missing value");
    }

    @Test
    void answersHelpAndVersion() throws UsageException {
        assertThat(KasumiCli.parse(List.of(), Map.of())).isEqualTo(new Invocation.ShowHelp(KasumiCli.mainHelp()));
        assertThat(KasumiCli.parse(List.of("--version"), Map.of())).isEqualTo(new Invocation.ShowVersion());
        assertThat(KasumiCli.parse(List.of("start", "--port", "1", "-h"), Map.of())).isEqualTo(new Invocation.ShowHelp(KasumiCli.startHelp()));
        assertThat(KasumiCli.startHelp()).contains("--data-dir DIR", "KASUMI_DATA_DIR", "default 4566");
    }

    @Test
    void trainingForTheStartupCacheIsAHiddenCommand() throws UsageException {
        assertThat(KasumiCli.parse(List.of("train-startup"), Map.of())).isEqualTo(new Invocation.TrainStartup());
        assertThat(KasumiCli.mainHelp()).doesNotContain("train");
    }

    @Test
    void trainingAnswersEveryRequestAndStops() {
        assertThat(StartupTraining.run()).isZero();
    }
}
