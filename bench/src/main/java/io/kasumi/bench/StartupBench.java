package io.kasumi.bench;

import io.kasumi.bench.StartupTarget.EmbeddedTarget;
import io.kasumi.bench.StartupTarget.ProcessTarget;
import io.kasumi.bench.StartupTarget.StartupSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The start-up workload: starts each target N times and reports, per run, the time to the first
 * successfully answered STS GetCallerIdentity and the idle RSS, then median/min/max per target and
 * Kasumi's ratio to each peer.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Time from start to first answered request, and idle RSS, per target.")
final class StartupBench implements Callable<Integer> {
    /** Set by the launcher: the java command line it runs Kasumi with, one argument per line. */
    static final String KASUMI_COMMAND_VARIABLE = "KASUMI_COMMAND";

    @Option(names = "--targets", split = ",", defaultValue = "kasumi,embedded",
            description = "Targets, in order: kasumi (the launcher's command), moto, embedded (in this JVM). Default: ${DEFAULT-VALUE}.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--command", description = "Another target, measured after --targets: NAME=COMMAND with {port} in it (repeatable).")
    List<String> commands = new ArrayList<>();

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs per target (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1",
            description = "Runs per target shown but left out of the summary: they warm the probe and the page cache (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--kasumi-command",
            description = "Kasumi's command line with {port}; default: $KASUMI_COMMAND (set by ./kasumi bench) + start --port {port}.")
    String kasumiCommand;

    @Option(names = "--moto-command", defaultValue = "moto_server -p {port}", description = "moto's command line (default: ${DEFAULT-VALUE}).")
    String motoCommand;

    @Option(names = "--settle-ms", defaultValue = "2000", description = "Wait after the first answer before reading RSS (default ${DEFAULT-VALUE}).")
    long settleMillis;

    @Option(names = "--poll-ms", defaultValue = "5", description = "Pause between probe requests (default ${DEFAULT-VALUE}).")
    long pollMillis;

    @Option(names = "--timeout-s", defaultValue = "60", description = "Give up on a start after this long (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--log-dir", description = "Where each started process's output goes (default: a temporary directory).")
    Path logDir;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        List<StartupTarget> resolved = new ArrayList<>();
        try {
            targets.stream().filter(name -> !name.isBlank()).map(this::target).forEach(resolved::add);
            commands.stream().map(StartupBench::command).forEach(resolved::add);
        } catch (IllegalArgumentException e) {
            System.err.println("bench startup: " + e.getMessage());
            return 2;
        }
        Path logs = logDir != null ? Files.createDirectories(logDir) : Files.createTempDirectory("kasumi-bench-startup-");
        StartupSettings settings = new StartupSettings(Duration.ofMillis(settleMillis), Duration.ofSeconds(timeoutSeconds),
                Duration.ofMillis(pollMillis), logs);

        String loadBefore = loadAverage();
        out.printf("# startup: %d runs per target after %d warm-up; probe sts:GetCallerIdentity every %d ms; RSS after %d ms idle; logs in %s%n",
                runs, warmup, pollMillis, settleMillis, logs);
        for (StartupTarget target : resolved) {
            if (target instanceof ProcessTarget process) {
                out.printf("# %s: %s%n", process.name(), String.join(" ", process.command()));
            }
        }
        out.println(String.join("\t", "target", "run", "startup_ms", "rss_mb"));
        Map<String, List<StartupSample>> measured = new LinkedHashMap<>();
        for (StartupTarget target : resolved) {
            List<StartupSample> samples = new ArrayList<>();
            for (int i = 1; i <= warmup + runs; i++) {
                boolean warmUp = i <= warmup;
                StartupSample sample = target.measure(warmUp ? "w" + i : Integer.toString(i - warmup), warmUp, settings);
                out.println(sample.tsv());
                out.flush();
                if (!warmUp) {
                    samples.add(sample);
                }
            }
            measured.put(target.name(), samples);
        }
        printSummary(measured);
        out.printf("# load average before %s, after %s (other work on the machine skews start-up figures)%n", loadBefore, loadAverage());
        return 0;
    }

    private void printSummary(Map<String, List<StartupSample>> measured) {
        out.println();
        out.println(String.join("\t", "target", "runs", "startup_median_ms", "startup_min_ms", "startup_max_ms",
                "rss_median_mb", "rss_min_mb", "rss_max_mb"));
        Map<String, Summary> startup = new LinkedHashMap<>();
        Map<String, Optional<Summary>> rss = new LinkedHashMap<>();
        measured.forEach((name, samples) -> {
            Summary s = Summary.of(samples.stream().map(StartupSample::startupMs).toList());
            List<Double> rssValues = samples.stream().map(StartupSample::rssMb).filter(mb -> mb >= 0).toList();
            Optional<Summary> r = rssValues.isEmpty() ? Optional.empty() : Optional.of(Summary.of(rssValues));
            startup.put(name, s);
            rss.put(name, r);
            out.println(String.join("\t", name, Integer.toString(s.count()), Format.ms(s.median()), Format.ms(s.min()), Format.ms(s.max()),
                    r.map(x -> Format.mb(x.median())).orElse("-"), r.map(x -> Format.mb(x.min())).orElse("-"),
                    r.map(x -> Format.mb(x.max())).orElse("-")));
        });
        if (startup.containsKey("kasumi")) {
            for (String peer : startup.keySet()) {
                if (peer.equals("kasumi") || peer.equals("embedded")) {
                    continue;
                }
                String rssRatio = rss.get("kasumi").flatMap(k -> rss.get(peer).map(p -> Format.ratio(k.median() / p.median()))).orElse("-");
                out.printf("# kasumi vs %s (median kasumi / median %s, lower is better for kasumi): start-up %s, idle RSS %s%n",
                        peer, peer, Format.ratio(startup.get("kasumi").median() / startup.get(peer).median()), rssRatio);
            }
        }
    }

    private static StartupTarget command(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--command wants NAME=COMMAND, not " + spec);
        }
        return new ProcessTarget(spec.substring(0, eq), words(spec.substring(eq + 1)));
    }

    private StartupTarget target(String spec) {
        return switch (spec) {
            case "kasumi" -> new ProcessTarget("kasumi", kasumiCommand());
            case "moto" -> new ProcessTarget("moto", words(motoCommand));
            case "embedded" -> new EmbeddedTarget();
            default -> throw new IllegalArgumentException("unknown target " + spec + " (kasumi, moto or embedded; others with --command)");
        };
    }

    private List<String> kasumiCommand() {
        if (kasumiCommand != null) {
            return words(kasumiCommand);
        }
        String launcher = System.getenv(KASUMI_COMMAND_VARIABLE);
        if (launcher == null || launcher.isBlank()) {
            throw new IllegalArgumentException("no Kasumi command: run through ./kasumi bench, which sets "
                    + KASUMI_COMMAND_VARIABLE + ", or pass --kasumi-command");
        }
        List<String> command = new ArrayList<>(launcher.lines().filter(line -> !line.isEmpty()).toList());
        command.addAll(List.of("start", "--port", ProcessTarget.PORT));
        return command;
    }

    /** The 1-minute load average from /proc/loadavg, "?" where there is none. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static List<String> words(String command) {
        return Arrays.stream(command.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
