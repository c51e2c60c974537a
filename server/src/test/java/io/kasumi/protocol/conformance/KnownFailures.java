package io.kasumi.protocol.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cases we knowingly fail, from {@code conformance/known-failures.txt}: one per line as
 * {@code protocol<TAB>caseId<TAB>reason}; blank lines and lines starting with '#' are ignored.
 */
public final class KnownFailures {
    static final String RESOURCE = "conformance/known-failures.txt";

    /** One listed case. */
    public record Entry(ConformanceProtocol protocol, String caseId, String reason) {

        /** The case expects what no server can produce: it is not server-applicable. */
        public boolean isSuiteBug() {
            return reason.startsWith("suite bug");
        }
    }

    private final Map<String, Entry> entries;

    private KnownFailures(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static KnownFailures load() {
        try (InputStream in = KnownFailures.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? new KnownFailures(Map.of()) : parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownFailures parse(InputStream in) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            if (fields.length != 3 || fields[2].isBlank()) {
                throw new IllegalArgumentException(RESOURCE + ":" + number + ": expected protocol<TAB>caseId<TAB>reason");
            }
            Entry entry = new Entry(ConformanceProtocol.bySmithyName(fields[0].strip()), fields[1].strip(), fields[2].strip());
            entries.put(key(entry.protocol(), entry.caseId()), entry);
        }
        return new KnownFailures(Collections.unmodifiableMap(entries));
    }

    public Optional<Entry> find(ConformanceProtocol protocol, String caseId) {
        return Optional.ofNullable(entries.get(key(protocol, caseId)));
    }

    public List<Entry> all() {
        return List.copyOf(entries.values());
    }

    private static String key(ConformanceProtocol protocol, String caseId) {
        return protocol.smithyName() + "\t" + caseId;
    }
}
