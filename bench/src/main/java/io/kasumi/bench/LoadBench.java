package io.kasumi.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The load workloads: each target in turn (started on a free port, stopped before the next),
 * each workload it serves at each client count, for a fixed duration after a warm-up; then
 * Kasumi's ratio to each peer per workload and client count.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Throughput and latency of named workloads with N concurrent SDK clients, per target.")
final class LoadBench implements Callable<Integer> {
    private static final Set<String> KASUMI_SERVICES = Set.of("sts", "sqs", "sns", "s3", "dynamodb", "secretsmanager", "ssm");
    private static final Set<String> MOTO_SERVICES = KASUMI_SERVICES;

    @Option(names = "--workloads", split = ",", defaultValue = "sts-caller-identity,sqs-send,sqs-receive-delete",
            description = "Workloads, in order (default ${DEFAULT-VALUE}).")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--clients", split = ",", defaultValue = "1,16", description = "Concurrent clients, each a thread (default ${DEFAULT-VALUE}).")
    List<Integer> clients = new ArrayList<>();

    @Option(names = "--duration", defaultValue = "10s", description = "Measured time per cell, e.g. 10s or 500ms (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "2s", description = "Unmeasured time before each cell (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--prefill", defaultValue = "10s",
            description = "Longest pre-fill of a queue for sqs-receive-delete (default ${DEFAULT-VALUE}).")
    String prefill;

    @Option(names = "--prefill-messages", defaultValue = "200000",
            description = "Most messages pre-filled for sqs-receive-delete (default ${DEFAULT-VALUE}).")
    long prefillMessages;

    @Option(names = "--targets", split = ",", defaultValue = "kasumi,moto",
            description = "Targets, in turn: kasumi (the launcher's command), moto, elasticmq (SQS only), dynamodb-local. Default: ${DEFAULT-VALUE}.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--kasumi-command",
            description = "Kasumi's command line with {port}; default: $KASUMI_COMMAND (set by ./kasumi bench) + start --port {port}.")
    String kasumiCommand;

    @Option(names = "--moto-command", defaultValue = "moto_server -p {port}", description = "moto's command line (default: ${DEFAULT-VALUE}).")
    String motoCommand;

    @Option(names = "--elasticmq-classpath", defaultValue = "bench/target/elasticmq-classpath.txt",
            description = "File holding ElasticMQ's class path, made from bench/elasticmq/pom.xml (default ${DEFAULT-VALUE}).")
    Path elasticmqClasspath;

    @Option(names = "--dynamodb-local-dir", defaultValue = "bench/target/dynamodb-local",
            description = "Folder holding DynamoDB Local's jars and native libraries, made from bench/dynamodb-local/pom.xml (default ${DEFAULT-VALUE}).")
    Path dynamodbLocalDir;

    @Option(names = "--timeout-s", defaultValue = "90", description = "Give up on a server start after this long (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--log-dir", description = "Where each server's output goes (default: a temporary directory).")
    Path logDir;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        List<Workload> chosen = new ArrayList<>();
        List<LoadTarget> resolved = new ArrayList<>();
        LoadRunner.Settings settings;
        Duration prefillBudget;
        try {
            for (String name : workloads) {
                chosen.add(Workloads.named(name).orElseThrow(() -> new IllegalArgumentException(
                        "unknown workload " + name + " (" + String.join(", ", Workloads.names()) + ")")));
            }
            for (String name : targets) {
                target(name).ifPresent(resolved::add);
            }
            settings = new LoadRunner.Settings(duration(warmup), duration(duration));
            prefillBudget = duration(prefill);
        } catch (IllegalArgumentException e) {
            System.err.println("bench load: " + e.getMessage());
            return 2;
        }
        Path logs = logDir != null ? Files.createDirectories(logDir) : Files.createTempDirectory("kasumi-bench-load-");
        out.printf("# load: workloads %s; clients %s; %s warm-up + %s measured per cell; AWS SDK v2 (apache client, retries off); logs in %s%n",
                String.join(",", workloads), clients, warmup, duration, logs);
        out.printf("# %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        List<LoadResult> results = new ArrayList<>();
        for (LoadTarget target : resolved) {
            out.printf("# %s: %s%n", target.name(), String.join(" ", target.command()).replaceAll("-cp \\S{200,}", "-cp ..."));
            try (LoadTarget.Running running = target.start(logs, Duration.ofSeconds(timeoutSeconds))) {
                for (Workload workload : chosen) {
                    if (!target.serves(workload)) {
                        out.printf("# %s: %s skipped (it does not serve %s)%n", target.name(), workload.name(), workload.service());
                        continue;
                    }
                    for (int n : clients) {
                        results.add(measure(target, running, workload, new Workload.Setup(n, prefillBudget, prefillMessages), settings));
                        out.println(results.getLast().tsv());
                        out.flush();
                    }
                }
            } catch (IllegalStateException failed) {
                out.printf("# %s: skipped: %s%n", target.name(), failed.getMessage());
            }
        }
        out.println();
        LoadReport.table(results).forEach(out::println);
        out.println();
        out.println("# kasumi / peer: ops_per_s above 1 and latency below 1 favour kasumi");
        out.println(LoadReport.RATIO_HEADER);
        LoadReport.ratios(results, "kasumi").forEach(out::println);
        out.printf("# load average after %s%n", loadAverage());
        return 0;
    }

    private static LoadResult measure(LoadTarget target, LoadTarget.Running running, Workload workload, Workload.Setup setup,
                                      LoadRunner.Settings settings) throws Exception {
        try (SdkClients sdk = new SdkClients(running.endpoint(), setup.clients() + 4);
             Workload.Run run = workload.prepare(sdk, setup)) {
            return LoadRunner.run(target.name(), workload.name(), run, setup.clients(), settings);
        }
    }

    private Optional<LoadTarget> target(String name) {
        return switch (name) {
            case "kasumi" -> Optional.of(new LoadTarget("kasumi", kasumiCommand(), KASUMI_SERVICES));
            case "moto" -> Optional.of(new LoadTarget("moto", words(motoCommand), MOTO_SERVICES));
            case "elasticmq" -> elasticmq();
            case "dynamodb-local" -> dynamodbLocal();
            default -> throw new IllegalArgumentException("unknown target " + name + " (kasumi, moto, elasticmq, dynamodb-local)");
        };
    }

    /** ElasticMQ from its resolved class path; skipped with a reason when it has not been resolved. */
    private Optional<LoadTarget> elasticmq() {
        if (!Files.isRegularFile(elasticmqClasspath)) {
            out.printf("# elasticmq: skipped: no class path at %s; resolve it with%n#   mvn -q -f bench/elasticmq/pom.xml "
                    + "dependency:build-classpath -Dmdep.outputFile=../target/elasticmq-classpath.txt%n", elasticmqClasspath);
            return Optional.empty();
        }
        String classpath;
        try {
            classpath = Files.readString(elasticmqClasspath).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + elasticmqClasspath + ": " + e.getMessage());
        }
        // its statistics server would take port 9325 and its queue URLs would name port 9324 otherwise
        return Optional.of(new LoadTarget("elasticmq", List.of(java(), "-Drest-sqs.bind-port=" + LoadTarget.PORT,
                "-Drest-sqs.bind-hostname=127.0.0.1", "-Drest-stats.enabled=false", "-Dnode-address.port=" + LoadTarget.PORT,
                "-cp", classpath, "org.elasticmq.server.Main"), Set.of("sqs")));
    }

    /** DynamoDB Local from its copied jars; skipped with a reason when they have not been copied. */
    private Optional<LoadTarget> dynamodbLocal() {
        if (!Files.isDirectory(dynamodbLocalDir)) {
            out.printf("# dynamodb-local: skipped: no jars in %s; copy them with%n#   mvn -q -f bench/dynamodb-local/pom.xml "
                    + "dependency:copy-dependencies -DoutputDirectory=../target/dynamodb-local%n", dynamodbLocalDir);
            return Optional.empty();
        }
        String dir = dynamodbLocalDir.toAbsolutePath().toString();
        return Optional.of(new LoadTarget("dynamodb-local", List.of(java(), "--enable-native-access=ALL-UNNAMED",
                "-Dsqlite4java.library.path=" + dir, "-cp", dir + "/*",
                "software.amazon.dynamodb.services.local.main.ServerRunner", "-inMemory", "-port", LoadTarget.PORT), Set.of("dynamodb")));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private List<String> kasumiCommand() {
        if (kasumiCommand != null) {
            return words(kasumiCommand);
        }
        String launcher = System.getenv(StartupBench.KASUMI_COMMAND_VARIABLE);
        if (launcher == null || launcher.isBlank()) {
            throw new IllegalArgumentException("no Kasumi command: run through ./kasumi bench, which sets "
                    + StartupBench.KASUMI_COMMAND_VARIABLE + ", or pass --kasumi-command");
        }
        List<String> command = new ArrayList<>(launcher.lines().filter(line -> !line.isEmpty()).toList());
        command.addAll(List.of("start", "--port", LoadTarget.PORT));
        return command;
    }

    /** "10s", "500ms", "1m" or a bare number of seconds. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (e.g. 10s, 500ms, 1m)");
        }
    }

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
