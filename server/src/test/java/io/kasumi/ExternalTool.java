package io.kasumi;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the AWS CLI, python with boto3 and other host tools the way users run them. */
public final class ExternalTool {

    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Skips the calling test, with the reason printed, when the tool is not on the PATH. */
    public static void require(String tool) {
        boolean found = onPath(tool);
        if (!found) {
            System.out.println("SKIPPED: '" + tool + "' is not installed on this machine");
        }
        Assumptions.assumeTrue(found, tool + " is not installed on this machine");
    }

    /** Skips the calling test when python3 cannot import the module. */
    public static void requirePythonModule(String module) {
        require("python3");
        Result result = run(List.of("python3", "-c", "import " + module), Map.of(), Duration.ofSeconds(30));
        if (result.exitCode() != 0) {
            System.out.println("SKIPPED: python3 has no module '" + module + "'");
        }
        Assumptions.assumeTrue(result.exitCode() == 0, "python3 has no module " + module);
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Environment for AWS tools that points them at Kasumi and away from the user's own config. */
    public static Map<String, String> awsEnvironment(RunningKasumi kasumi) {
        return Map.of(
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", kasumi.endpoint(),
                "AWS_CONFIG_FILE", "/nonexistent/kasumi-test-config",
                "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/kasumi-test-credentials",
                "AWS_PAGER", "");
    }

    public static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().remove("AWS_PROFILE");
        builder.environment().remove("AWS_SESSION_TOKEN");
        builder.environment().putAll(environment);
        try {
            Path out = Files.createTempFile("kasumi-tool", ".out");
            Path err = Files.createTempFile("kasumi-tool", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within " + timeout);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ExternalTool() {
    }
}
