package io.kasumi.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.kasumi.Kasumi;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The command line: {@code kasumi start [options]}; every option also reads a KASUMI_* variable.
 * Parsed by hand from one table of options: a general parser costs more start-up time (about
 * 200 ms, its classes predate what the JVM's AOT cache can keep) than the whole server takes.
 */
public final class KasumiCli {
    static final int OK = 0;
    static final int USAGE = 2;

    /** One option of {@code kasumi start}; the variable stands in for it, then the default. */
    record StartOption(String name, String label, String variable, String defaultValue, String description) {
        String help() {
            return row("    " + name + " " + label,
                    description + " (" + variable + (defaultValue == null ? "" : ", default " + defaultValue) + ").");
        }
    }

    static final List<StartOption> START_OPTIONS = List.of(
            new StartOption("--port", "N", "KASUMI_PORT", "4566", "Port to listen on; 0 picks a free one"),
            new StartOption("--host", "ADDR", "KASUMI_HOST", "127.0.0.1", "Address to bind"),
            new StartOption("--data-dir", "DIR", "KASUMI_DATA_DIR", null, "Keep state durably here; ephemeral without it"),
            new StartOption("--services", "A,B", "KASUMI_SERVICES", null, "Services to enable, comma-separated; all by default"),
            new StartOption("--auth", "MODE", "KASUMI_AUTH", "off", "off, verify or enforce"),
            new StartOption("--log-level", "LEVEL", "KASUMI_LOG_LEVEL", "info", "error, warn, info, debug or trace"));

    /** What the command line asks for. */
    sealed interface Invocation {
        record ShowHelp(String text) implements Invocation {
        }

        record ShowVersion() implements Invocation {
        }

        record Start(StartSettings settings) implements Invocation {
        }

        /** Hidden: the workload the launcher records the start-up cache from (see StartupTraining). */
        record TrainStartup() implements Invocation {
        }
    }

    /** The hidden command the launcher runs under -XX:AOTCacheOutput. */
    static final String TRAIN_STARTUP = "train-startup";

    /** The parsed options of {@code kasumi start}. */
    record StartSettings(int port, String host, Path dataDir, List<String> services, String auth, Level logLevel) {
    }

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private KasumiCli() {
    }

    public static int run(String[] args) {
        Invocation invocation;
        try {
            invocation = parse(List.of(args), System.getenv());
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println("Try 'kasumi --help' or 'kasumi start --help' for more information.");
            return USAGE;
        }
        return switch (invocation) {
            case Invocation.ShowHelp help -> print(System.out, help.text());
            case Invocation.ShowVersion version -> print(System.out, "kasumi " + Kasumi.version());
            case Invocation.Start start -> start(start.settings());
            case Invocation.TrainStartup train -> StartupTraining.run();
        };
    }

    static Invocation parse(List<String> args, Map<String, String> env) throws UsageException {
        if (args.isEmpty() || isHelp(args.getFirst())) {
            return new Invocation.ShowHelp(mainHelp());
        }
        if (isVersion(args.getFirst())) {
            return new Invocation.ShowVersion();
        }
        if (args.equals(List.of(TRAIN_STARTUP))) {
            return new Invocation.TrainStartup();
        }
        if (!args.getFirst().equals("start")) {
            throw new UsageException("Unknown command: '" + args.getFirst() + "'");
        }
        Map<String, String> given = new LinkedHashMap<>();
        List<String> rest = args.subList(1, args.size());
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (isHelp(arg)) {
                return new Invocation.ShowHelp(startHelp());
            }
            if (isVersion(arg)) {
                return new Invocation.ShowVersion();
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            StartOption option = START_OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst()
                    .orElseThrow(() -> new UsageException("Unknown option: '" + arg + "'"));
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i);
            } else {
                throw new UsageException("Missing value for option '" + name + "' (" + option.label() + ")");
            }
            given.put(name, value);
        }
        return new Invocation.Start(settings(option -> {
            String value = given.get(option.name());
            if (value == null) {
                value = env.get(option.variable());
            }
            return value == null || value.isEmpty() ? option.defaultValue() : value;
        }));
    }

    private static StartSettings settings(Function<StartOption, String> values) throws UsageException {
        Map<String, String> v = new LinkedHashMap<>();
        for (StartOption option : START_OPTIONS) {
            v.put(option.name(), values.apply(option));
        }
        int port;
        try {
            port = Integer.parseInt(v.get("--port"));
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid value for option '--port': '" + v.get("--port") + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("Invalid value for option '--port': " + port + " is not between 0 and 65535");
        }
        String auth = v.get("--auth").toLowerCase(Locale.ROOT);
        if (!List.of("off", "verify", "enforce").contains(auth)) {
            throw new UsageException("Invalid value for option '--auth': '" + v.get("--auth") + "' (off, verify or enforce)");
        }
        Level level = Level.toLevel(v.get("--log-level"), null);
        if (level == null) {
            throw new UsageException("Invalid value for option '--log-level': unknown log level: " + v.get("--log-level"));
        }
        String dataDir = v.get("--data-dir");
        String services = v.get("--services");
        List<String> serviceList = services == null ? List.of()
                : Arrays.stream(services.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new StartSettings(port, v.get("--host"), dataDir == null ? null : Path.of(dataDir), serviceList, auth, level);
    }

    private static int start(StartSettings settings) {
        Kasumi kasumi = launch(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kasumi.close();
            stopped.countDown();
        }, "kasumi-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    /** Starts an instance as {@code kasumi start} does and says where it answers. */
    static Kasumi launch(StartSettings settings) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(settings.logLevel());
        long started = System.nanoTime();
        Kasumi kasumi = Kasumi.builder().port(settings.port()).host(settings.host()).dataDir(settings.dataDir())
                .services(settings.services()).authMode(settings.auth()).start();
        System.out.printf("Kasumi %s ready on %s in %d ms (auth %s, %s)%n", Kasumi.version(), kasumi.endpoint(),
                (System.nanoTime() - started) / 1_000_000, settings.auth(),
                settings.dataDir() == null ? "ephemeral state" : "data in " + settings.dataDir().toAbsolutePath());
        System.out.flush();
        return kasumi;
    }

    private static int print(PrintStream out, String text) {
        out.println(text);
        return OK;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("-h") || arg.equals("--help");
    }

    private static boolean isVersion(String arg) {
        return arg.equals("-V") || arg.equals("--version");
    }

    static String mainHelp() {
        return String.join(System.lineSeparator(),
                "Usage: kasumi [-hV] COMMAND",
                "AWS in one JVM: every service on one port.",
                row("-h, --help", "Show this help message and exit."),
                row("-V, --version", "Print version information and exit."),
                "Commands:",
                row("start", "Starts Kasumi and serves until interrupted."));
    }

    static String startHelp() {
        List<String> lines = new ArrayList<>(List.of(
                "Usage: kasumi start [-hV] [OPTIONS]",
                "Starts Kasumi and serves until interrupted. Options win over their variables."));
        START_OPTIONS.forEach(option -> lines.add(option.help()));
        lines.add(row("-h, --help", "Show this help message and exit."));
        lines.add(row("-V, --version", "Print version information and exit."));
        return String.join(System.lineSeparator(), lines);
    }

    private static String row(String left, String text) {
        return String.format(Locale.ROOT, "  %-22s %s", left, text);
    }
}
