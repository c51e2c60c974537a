package io.kasumi.protocol.conformance;

import io.kasumi.protocol.conformance.ConformanceCase.Kind;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

/**
 * restJson1's server-only malformed-request cases: requests the server must reject, with the
 * error response each requires. Kept apart from {@link ProtocolConformanceTest} so their pass
 * rate is reported separately; "validation" cases (constraint traits) apart again.
 */
class MalformedRequestConformanceTest {

    @TestFactory
    List<DynamicNode> restJson1MalformedRequests() {
        return ConformanceTests.of(ConformanceProtocol.REST_JSON_1, Kind.MALFORMED);
    }

    @TestFactory
    List<DynamicNode> restJson1ValidationRequests() {
        return ConformanceTests.of(ConformanceProtocol.REST_JSON_1, Kind.VALIDATION);
    }
}
