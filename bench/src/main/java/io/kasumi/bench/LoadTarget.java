package io.kasumi.bench;

import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A server the load workloads run against, started as a process on a free port and stopped after
 * its workloads.
 *
 * @param command  its command line; {@code {port}} stands for the port to listen on
 * @param services the services it serves (workloads for others are skipped)
 */
record LoadTarget(String name, List<String> command, Set<String> services) {
    static final String PORT = "{port}";

    LoadTarget {
        command = List.copyOf(command);
        services = Set.copyOf(services);
        if (command.stream().noneMatch(arg -> arg.contains(PORT))) {
            throw new IllegalArgumentException(name + ": the command must say where the port goes with " + PORT);
        }
    }

    boolean serves(Workload workload) {
        return services.contains(workload.service());
    }

    /** Starts the process and waits until it answers a signed request of a service it serves. */
    Running start(Path logDir, Duration timeout) throws IOException, InterruptedException {
        int port = freePort();
        Path log = logDir.resolve(name + ".log");
        List<String> resolved = command.stream().map(arg -> arg.replace(PORT, Integer.toString(port))).toList();
        // run in the log directory: DynamoDB Local leaves a metadata file in its working directory
        Process process = new ProcessBuilder(resolved).directory(logDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Running running = new Running(process, endpoint, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SdkClients probe = new SdkClients(endpoint, 2)) {
            while (!answers(probe)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    running.close();
                    throw new IllegalStateException(name + " did not answer (" + (process.isAlive() ? "timed out" : "exited")
                            + "); its output is in " + log);
                }
                Thread.sleep(100);
            }
        }
        return running;
    }

    private boolean answers(SdkClients probe) {
        try {
            if (services.contains("sts")) {
                probe.sts().getCallerIdentity();
            } else if (services.contains("sqs")) {
                probe.sqs().listQueues();
            } else {
                probe.dynamodb().listTables();
            }
            return true;
        } catch (SdkException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A started target; closing it stops the process and its children. */
    record Running(Process process, URI endpoint, Path log) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
