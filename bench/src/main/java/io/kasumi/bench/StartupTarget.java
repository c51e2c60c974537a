package io.kasumi.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.kasumi.Kasumi;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Something the start-up workload starts, waits for and stops: a command, or Kasumi in this JVM. */
sealed interface StartupTarget {

    String name();

    StartupSample measure(String run, boolean warmUp, StartupSettings settings) throws Exception;

    /**
     * A server started as a process. The clock starts just before the process is spawned and stops
     * at the first successful answer; idle RSS is read after the settle time.
     *
     * @param command the command line; {@code {port}} stands for the port to listen on
     */
    record ProcessTarget(String name, List<String> command) implements StartupTarget {
        static final String PORT = "{port}";

        public ProcessTarget {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException(name + ": empty command");
            }
            if (command.stream().noneMatch(arg -> arg.contains(PORT))) {
                throw new IllegalArgumentException(name + ": the command must say where the port goes with " + PORT);
            }
        }

        List<String> commandFor(int port) {
            return command.stream().map(arg -> arg.replace(PORT, Integer.toString(port))).toList();
        }

        @Override
        public StartupSample measure(String run, boolean warmUp, StartupSettings settings) throws Exception {
            int port = freePort();
            Path log = settings.logDir().resolve(name + "-" + run + ".log");
            try (CallerIdentityProbe probe = new CallerIdentityProbe(URI.create("http://127.0.0.1:" + port))) {
                long started = System.nanoTime();
                Process process = new ProcessBuilder(commandFor(port)).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                try {
                    long answered = probe.awaitFirstAnswer(process::isAlive, settings.timeout(), settings.pollInterval());
                    Thread.sleep(settings.settle());
                    double rssMb = ProcessMemory.residentBytes(process.toHandle()).map(b -> b / 1048576.0).orElse(-1.0);
                    return new StartupSample(name, run, warmUp, (answered - started) / 1e6, rssMb);
                } catch (IllegalStateException failed) {
                    throw new IllegalStateException(name + " run " + run + ": " + failed.getMessage() + "; its output is in " + log
                            + tail(log), failed);
                } finally {
                    stop(process);
                }
            }
        }

        private static void stop(Process process) throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }

        private static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log);
                return "\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            } catch (IOException e) {
                return "";
            }
        }

        static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    /**
     * {@code Kasumi.builder().port(0).start()} in this JVM, as the JUnit extension will do: the clock
     * runs from the builder call to the first successful answer. RSS is not attributable here.
     */
    record EmbeddedTarget() implements StartupTarget {

        @Override
        public String name() {
            return "embedded";
        }

        @Override
        public StartupSample measure(String run, boolean warmUp, StartupSettings settings) throws Exception {
            // one log line per request would interleave with the report
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
            int port = ProcessTarget.freePort();  // known up front so the probe is built outside the clock
            try (CallerIdentityProbe probe = new CallerIdentityProbe(URI.create("http://127.0.0.1:" + port))) {
                long started = System.nanoTime();
                try (Kasumi kasumi = Kasumi.builder().port(port).start()) {
                    long answered = probe.awaitFirstAnswer(() -> true, settings.timeout(), settings.pollInterval());
                    return new StartupSample(name(), run, warmUp, (answered - started) / 1e6, -1);
                }
            }
        }
    }

    /** How each start is observed. */
    record StartupSettings(Duration settle, Duration timeout, Duration pollInterval, Path logDir) {
    }
}
