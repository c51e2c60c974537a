package io.kasumi.protocol.conformance;

import io.kasumi.protocol.conformance.ConformanceCase.Kind;
import io.kasumi.protocol.conformance.Verdict.Status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Runs every case once and tallies the verdicts per protocol; renders them as Markdown. */
public final class ConformanceSummary {

    /** The tally of one protocol over some kinds of case. */
    public record Row(ConformanceProtocol protocol, String suite, int requestCases, int responseCases,
                      Map<Status, Integer> counts) {

        public int cases() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The cases a server can pass: all but the suite bugs. */
        public int applicableCases() {
            return cases() - count(Status.NOT_APPLICABLE);
        }

        public int count(Status status) {
            return counts.getOrDefault(status, 0);
        }

        /** Passed cases over the server-applicable cases. */
        public double passRate() {
            int cases = applicableCases();
            return cases == 0 ? 1.0 : (double) count(Status.PASSED) / cases;
        }
    }

    /** A case whose verdict the summary lists by name. */
    public record Listed(ConformanceProtocol protocol, String caseId, String reason) {
    }

    private final List<Row> protocolRows = new ArrayList<>();
    private final List<Row> malformedRows = new ArrayList<>();
    private final List<Listed> failures = new ArrayList<>();
    private final Set<String> knownFailing = new HashSet<>();
    private final Set<ConformanceProtocol> withCodec = EnumSet.noneOf(ConformanceProtocol.class);
    private final KnownFailures known;

    private ConformanceSummary(KnownFailures known) {
        this.known = known;
    }

    public static ConformanceSummary compute(ProtocolTestCatalog catalog, CaseRunner runner, KnownFailures known) {
        ConformanceSummary summary = new ConformanceSummary(known);
        for (ConformanceProtocol protocol : ConformanceProtocol.values()) {
            summary.protocolRows.add(summary.tally(catalog, runner, protocol, "requests and responses", Kind.REQUEST, Kind.RESPONSE));
            for (Kind kind : List.of(Kind.MALFORMED, Kind.VALIDATION)) {
                if (!catalog.cases(protocol, kind).isEmpty()) {
                    summary.malformedRows.add(summary.tally(catalog, runner, protocol,
                            kind == Kind.MALFORMED ? "malformed requests" : "validation", kind));
                }
            }
        }
        return summary;
    }

    private Row tally(ProtocolTestCatalog catalog, CaseRunner runner, ConformanceProtocol protocol, String suite, Kind... kinds) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        int requests = 0;
        int responses = 0;
        for (ConformanceCase c : catalog.cases(protocol)) {
            if (!Arrays.asList(kinds).contains(c.kind())) {
                continue;
            }
            if (c.kind() == Kind.RESPONSE) {
                responses++;
            } else {
                requests++;
            }
            Verdict verdict = Verdict.of(runner.run(c), known.find(protocol, c.id()));
            counts.merge(verdict.status(), 1, Integer::sum);
            if (verdict.status() != Status.CODEC_MISSING) {
                withCodec.add(protocol);
            }
            switch (verdict.status()) {
                case FAILED -> failures.add(new Listed(protocol, c.id(), firstLine(verdict.message())));
                case KNOWN_FAILURE, NOT_APPLICABLE -> knownFailing.add(protocol.smithyName() + "\t" + c.id());
                case PASSED, CODEC_MISSING -> {
                    // counted only
                }
            }
        }
        return new Row(protocol, suite, requests, responses, counts);
    }

    public List<Row> protocolRows() {
        return List.copyOf(protocolRows);
    }

    public List<Row> malformedRows() {
        return List.copyOf(malformedRows);
    }

    /** Entries of known-failures.txt that no case of a protocol with a codec fails any more. */
    public List<KnownFailures.Entry> staleKnownFailures() {
        return known.all().stream()
                .filter(e -> withCodec.contains(e.protocol()))
                .filter(e -> !knownFailing.contains(e.protocol().smithyName() + "\t" + e.caseId()))
                .toList();
    }

    public List<Listed> failures() {
        return List.copyOf(failures);
    }

    /** The page docs/protocols.md carries. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Protocol conformance\n\n");
        md.append("Kasumi's protocol codecs are checked against the server-side cases of AWS's official Smithy protocol\n")
                .append("tests (`software.amazon.smithy:smithy-aws-protocol-tests` and `smithy-protocol-tests` 1.54.0): every\n")
                .append("`@httpRequestTests` and `@httpResponseTests` case that applies to servers, plus restJson1's\n")
                .append("`@httpMalformedRequestTests`. The test services are converted from Smithy to our service model the way\n")
                .append("botocore derives its models (`SmithyModelAdapter`), so the cases also exercise the model loader.\n\n");
        md.append("The pass rate counts the server-applicable cases: those listed as suite bugs below expect what no\n")
                .append("server can produce (several contradict the suite's own server-only cases) and count in no rate.\n\n");
        md.append("| protocol | codec | request cases | response cases | passed | known failures | suite bugs | failed | codec missing | pass rate |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : protocolRows) {
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %d | %d | %d | %d | %d | %d | %d | %s |\n",
                    row.protocol().smithyName(), row.protocol().botocoreName(), row.requestCases(), row.responseCases(),
                    row.count(Status.PASSED), row.count(Status.KNOWN_FAILURE), row.count(Status.NOT_APPLICABLE),
                    row.count(Status.FAILED), row.count(Status.CODEC_MISSING), percent(row.passRate())));
        }
        md.append("\n## Malformed requests\n\n");
        md.append("Requests a server must reject, with the error response each requires. \"Validation\" cases check the\n")
                .append("constraint traits (length, range, pattern, enum, required, uniqueItems) and expect a\n")
                .append("`ValidationException` listing each violation.\n\n");
        md.append("| protocol | suite | cases | passed | known failures | suite bugs | failed | codec missing | pass rate |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : malformedRows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %s |\n",
                    row.protocol().smithyName(), row.suite(), row.cases(),
                    row.count(Status.PASSED), row.count(Status.KNOWN_FAILURE), row.count(Status.NOT_APPLICABLE),
                    row.count(Status.FAILED), row.count(Status.CODEC_MISSING), percent(row.passRate())));
        }
        md.append("\n## Known failures\n");
        md.append("\n\"suite bug\": the case expects what no server can produce. \"open\": a gap in Kasumi.\n");
        List<KnownFailures.Entry> entries = known.all();
        if (entries.isEmpty()) {
            md.append("\nNone.\n");
        }
        for (ConformanceProtocol protocol : ConformanceProtocol.values()) {
            List<KnownFailures.Entry> mine = entries.stream().filter(e -> e.protocol() == protocol).toList();
            if (!mine.isEmpty()) {
                md.append("\n### ").append(protocol.smithyName()).append("\n\n");
                mine.forEach(e -> md.append("- `").append(e.caseId()).append("`: ").append(escape(e.reason())).append('\n'));
            }
        }
        md.append("""

                ## How cases are compared

                - Requests: the parsed input must equal the case's `params` converted to our value tree, member by member
                  with each scalar's Java type; floats by value with NaN equal to NaN, blobs by content.
                - Responses: status, the listed headers (comma-separated items compared without optional spaces),
                  forbidden and required headers, and the body by media type: JSON and CBOR as value trees with numbers
                  by value, XML as a DOM (whitespace between elements, attribute order and the order of differently
                  named siblings ignored; namespace declarations compared), form bodies as parameter multisets,
                  anything else byte for byte.
                - Errors are thrown as an `AwsException` with the error shape's name as code, its `@httpError` (or
                  default) status, its `message` member as message and the other members as fields.
                - Malformed requests go through the server's pipeline (route, parse, `ModelValidator`) and the error
                  response's status and headers are compared, and its body too except for validation cases, whose
                  bodies are the Smithy server framework's `ValidationException` rather than what AWS services write.

                Leniencies, each because the wire or every AWS client treats the two sides alike:

                - absent equals empty where the wire cannot tell them apart: header- and query-bound lists and maps,
                  an empty payload (structure, blob or stream), and any member of the form-encoded awsQuery and
                  ec2Query inputs;
                - an error's `__type` matches with or without its Smithy namespace;
                - date-time strings match when they name the same instant;
                - the request id of query and ec2 bodies is the server's choice (text not compared, and a root-level
                  `ResponseMetadata`/`requestId` may be added); a case checking `X-Amzn-RequestId` names the id used;
                - `Content-Length`, when the codec leaves it to the HTTP server, is the body's length;
                - awsJson request cases that omit `X-Amz-Target` get `Service.Operation`, as every client sends it.

                Request-compression cases give no body (they check that a client gzips it) and are not run.

                ## Running

                ```
                cd server && mvn -o test -Dtest='*Conformance*Test' -Dconformance.writeDocs=true
                ```

                The summary test fails when any protocol passes fewer than 95% of its server-applicable request and
                response cases.
                Known failures live in `server/src/test/resources/conformance/known-failures.txt`
                (`protocol<TAB>caseId<TAB>reason`).
                """);
        return md.toString();
    }

    /** A plain-text table for the test log. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-11s %-24s %6s %6s %6s %6s %6s %6s %8s %7s%n",
                "protocol", "suite", "req", "resp", "passed", "known", "n/a", "failed", "missing", "rate"));
        List<Row> rows = new ArrayList<>(protocolRows);
        rows.addAll(malformedRows);
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-11s %-24s %6d %6d %6d %6d %6d %6d %8d %7s%n",
                    row.protocol().smithyName(), row.suite(), row.requestCases(), row.responseCases(),
                    row.count(Status.PASSED), row.count(Status.KNOWN_FAILURE), row.count(Status.NOT_APPLICABLE),
                    row.count(Status.FAILED), row.count(Status.CODEC_MISSING), percent(row.passRate())));
        }
        staleKnownFailures().forEach(e -> out.append("stale known failure (passes now, remove it): ")
                .append(e.protocol().smithyName()).append(' ').append(e.caseId()).append('\n'));
        return out.toString();
    }

    /** Markdown would take a reason's XML element names for HTML. */
    private static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;");
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
