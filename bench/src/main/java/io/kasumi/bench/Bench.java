package io.kasumi.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Kasumi's benchmarks, one named workload per subcommand ({@code bench startup ...}). A new workload
 * is one class implementing {@link java.util.concurrent.Callable} and one entry in {@code subcommands}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures Kasumi, and peers measured the same way, under named workloads.",
        subcommands = {StartupBench.class, LoadBench.class})
public final class Bench {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Bench()).execute(args);
    }
}
