package io.kasumi.protocol.conformance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tallies every conformance case per protocol and prints the table. Each protocol must pass at
 * least 95% of its server-applicable request and response cases; with
 * {@code -Dconformance.writeDocs=true} the table and the known failures are written to
 * docs/protocols.md.
 */
class ConformanceSummaryTest {
    private static final double REQUIRED_PASS_RATE = 0.95;

    @Test
    void everyProtocolPassesItsConformanceCases() throws IOException {
        ConformanceSummary summary = ConformanceSummary.compute(
                ProtocolTestCatalog.shared(), CaseRunner.withStandardCodecs(), KnownFailures.load());
        System.out.println(summary.toText());

        if (Boolean.getBoolean("conformance.writeDocs")) {
            Path docs = docsFile();
            Files.createDirectories(docs.getParent());
            Files.writeString(docs, summary.toMarkdown(), StandardCharsets.UTF_8);
            System.out.println("wrote " + docs);
        }
        List<String> below = summary.protocolRows().stream()
                .filter(row -> row.passRate() < REQUIRED_PASS_RATE)
                .map(row -> row.protocol().smithyName() + " passes " + ConformanceSummary.percent(row.passRate()))
                .toList();
        assertThat(below).as("protocols below %s", ConformanceSummary.percent(REQUIRED_PASS_RATE)).isEmpty();
    }

    /** docs/protocols.md of the repository, whether Maven runs in the root or in server/. */
    private static Path docsFile() {
        String configured = System.getProperty("conformance.docsFile");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = Files.isDirectory(dir.resolve("server")) ? dir : dir.getParent();
        return root.resolve("docs").resolve("protocols.md");
    }
}
