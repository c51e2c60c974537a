package io.kasumi.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.kasumi.Kasumi;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The command line: {@code kasumi start [options]}; every option also reads KASUMI_* variables. */
@Command(name = "kasumi", mixinStandardHelpOptions = true, versionProvider = KasumiCli.Version.class,
        description = "AWS in one JVM: every service on one port.",
        subcommands = {KasumiCli.Start.class})
public final class KasumiCli {

    public static int run(String[] args) {
        return new CommandLine(new KasumiCli()).execute(args);
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Starts Kasumi and serves until interrupted.")
    static final class Start implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "${env:KASUMI_PORT:-4566}", description = "Port to listen on (KASUMI_PORT, default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--host", defaultValue = "${env:KASUMI_HOST:-127.0.0.1}", description = "Address to bind (KASUMI_HOST, default ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--data-dir", defaultValue = "${env:KASUMI_DATA_DIR}", description = "Keep state durably here (KASUMI_DATA_DIR); ephemeral without it.")
        Path dataDir;

        @Option(names = "--services", split = ",", defaultValue = "${env:KASUMI_SERVICES}", description = "Services to enable, comma-separated (KASUMI_SERVICES); all by default.")
        List<String> services = new ArrayList<>();

        @Option(names = "--auth", defaultValue = "${env:KASUMI_AUTH:-off}", description = "off, verify or enforce (KASUMI_AUTH, default ${DEFAULT-VALUE}).")
        String auth;

        @Option(names = "--log-level", defaultValue = "${env:KASUMI_LOG_LEVEL:-info}", description = "error, warn, info, debug or trace (KASUMI_LOG_LEVEL, default ${DEFAULT-VALUE}).")
        String logLevel;

        @Override
        public Integer call() throws InterruptedException {
            Level level = Level.toLevel(logLevel, null);
            if (level == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown log level: " + logLevel);
            }
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(level);
            long started = System.nanoTime();
            Kasumi kasumi = Kasumi.builder().port(port).host(host).dataDir(dataDir).services(services)
                    .authMode(auth).start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kasumi.close();
                stopped.countDown();
            }, "kasumi-shutdown"));
            System.out.printf("Kasumi %s ready on %s in %d ms (auth %s, %s)%n", Kasumi.version(), kasumi.endpoint(),
                    (System.nanoTime() - started) / 1_000_000, auth,
                    dataDir == null ? "ephemeral state" : "data in " + dataDir.toAbsolutePath());
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kasumi " + Kasumi.version()};
        }
    }
}
