package io.kasumi.protocol.conformance;

import io.kasumi.protocol.conformance.ConformanceCase.Kind;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.util.Arrays;
import java.util.List;

/** Dynamic JUnit tests over catalog cases, shared by the conformance test classes. */
final class ConformanceTests {

    private ConformanceTests() {
    }

    /** One container per kind, one test per case; each test runs its case when JUnit executes it. */
    static List<DynamicNode> of(ConformanceProtocol protocol, Kind... kinds) {
        ProtocolTestCatalog catalog = ProtocolTestCatalog.shared();
        CaseRunner runner = CaseRunner.withStandardCodecs();
        KnownFailures known = KnownFailures.load();
        return Arrays.stream(kinds)
                .map(kind -> (DynamicNode) DynamicContainer.dynamicContainer(protocol.smithyName() + " " + kind.label() + "s",
                        catalog.cases(protocol, kind).stream().map(c -> DynamicTest.dynamicTest(c.displayName(),
                                () -> Verdict.of(runner.run(c), known.find(protocol, c.id())).report(c)))))
                .toList();
    }
}
