package io.kasumi.codegen;

import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Build-time entry point: models directory in, generated Java sources out.
 *
 * <p>Every {@code NAME.json} in the models directory (with {@code patches/NAME.json} merged when
 * present) becomes package {@code io.kasumi.api.NAME}. Files whose content did not change are not
 * rewritten, so incremental compilation stays incremental; sources no model produces any more are
 * deleted.
 */
public final class Generator {
    private Generator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            // thrown, not System.exit: exec:java runs this inside the Maven JVM
            throw new IllegalArgumentException("usage: Generator MODELS_DIR OUT_DIR");
        }
        long start = System.nanoTime();
        Summary summary = generate(Path.of(args[0]), Path.of(args[1]));
        System.out.printf("kasumi codegen: %d services, %d files (%d written) in %d ms%n",
                summary.services(), summary.files(), summary.written(), (System.nanoTime() - start) / 1_000_000);
    }

    /** What one run did. */
    public record Summary(int services, int files, int written) {
    }

    public static Summary generate(Path models, Path out) throws IOException {
        List<Path> modelFiles;
        try (Stream<Path> list = Files.list(models)) {
            modelFiles = list.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        // services are independent: generate them in parallel, then flatten in file-name order
        List<JavaFile> files = modelFiles.parallelStream()
                .map(modelFile -> generateService(modelFile, models.resolve("patches")))
                .flatMap(List::stream)
                .toList();
        int written = write(files, out);
        return new Summary(modelFiles.size(), files.size(), written);
    }

    private static List<JavaFile> generateService(Path modelFile, Path patches) {
        String fileName = modelFile.getFileName().toString();
        String serviceName = fileName.substring(0, fileName.length() - ".json".length());
        try {
            return ServiceGenerator.generate(serviceName, load(serviceName, modelFile, patches.resolve(fileName)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + modelFile, e);
        }
    }

    private static ServiceModel load(String serviceName, Path modelFile, Path patchFile) throws IOException {
        try (InputStream model = Files.newInputStream(modelFile);
             InputStream patch = Files.isRegularFile(patchFile) ? Files.newInputStream(patchFile) : null) {
            return ServiceModelLoader.load(serviceName, model, patch);
        }
    }

    private static int write(List<JavaFile> files, Path out) throws IOException {
        Set<Path> wanted = new HashSet<>();
        int written = 0;
        for (JavaFile file : files) {
            Path target = out.resolve(file.relativePath());
            if (!wanted.add(target)) {
                throw new IllegalStateException("two generated types map to " + target);
            }
            byte[] bytes = file.source().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            written++;
        }
        deleteStale(out, wanted);
        return written;
    }

    private static void deleteStale(Path out, Set<Path> wanted) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> all = Files.walk(out)) {
            all.filter(p -> p.toString().endsWith(".java") && !wanted.contains(p)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
