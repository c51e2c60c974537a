package io.kasumi.protocol.conformance;

import io.kasumi.protocol.conformance.CaseResult.CodecMissing;
import io.kasumi.protocol.conformance.CaseResult.Failed;
import io.kasumi.protocol.conformance.CaseResult.Passed;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.Optional;

/** A case's result judged against the known-failure list. */
public record Verdict(Status status, String message) {

    public enum Status {
        PASSED,
        FAILED,
        /** Failed, and listed in known-failures.txt as a gap of Kasumi. */
        KNOWN_FAILURE,
        /**
         * Failed, and listed in known-failures.txt as a suite bug: the case expects what no server
         * can produce (often contradicting the suite's own server cases), so it is not
         * server-applicable and counts in no pass rate.
         */
        NOT_APPLICABLE,
        CODEC_MISSING
    }

    public static Verdict of(CaseResult result, Optional<KnownFailures.Entry> known) {
        return switch (result) {
            // a request and a response case may share an id: the summary finds entries nothing fails
            case Passed p -> new Verdict(Status.PASSED, "");
            case Failed f -> known.map(k -> k.isSuiteBug()
                            ? new Verdict(Status.NOT_APPLICABLE, "not server-applicable: " + k.reason() + "\n" + f.detail())
                            : new Verdict(Status.KNOWN_FAILURE, "known failure: " + k.reason() + "\n" + f.detail()))
                    .orElse(new Verdict(Status.FAILED, f.detail()));
            case CodecMissing m -> new Verdict(Status.CODEC_MISSING, "codec missing: " + m.protocolName());
        };
    }

    /**
     * Reports the verdict to JUnit: failures fail, known failures and missing codecs abort (skip).
     * The message starts with the case, since build reports show dynamic tests by index.
     */
    public void report(ConformanceCase c) {
        String text = c.protocol().smithyName() + " " + c.kind().label() + " " + c.displayName() + ": " + message;
        switch (status) {
            case PASSED -> {
                // nothing to report
            }
            case FAILED -> Assertions.fail(text);
            case KNOWN_FAILURE, NOT_APPLICABLE, CODEC_MISSING -> Assumptions.abort(text);
        }
    }
}
