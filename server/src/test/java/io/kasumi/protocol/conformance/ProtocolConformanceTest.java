package io.kasumi.protocol.conformance;

import io.kasumi.protocol.conformance.ConformanceCase.Kind;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.List;

/**
 * The server-side request and response cases of AWS's official Smithy protocol tests, run
 * against our codecs. A protocol whose codec is not registered yet reports its cases as skipped
 * ("codec missing"); cases in known-failures.txt are skipped with their reason.
 */
class ProtocolConformanceTest {

    @TestFactory
    List<DynamicNode> awsJson1_0() {
        return ConformanceTests.of(ConformanceProtocol.AWS_JSON_1_0, Kind.REQUEST, Kind.RESPONSE);
    }

    @TestFactory
    List<DynamicNode> awsJson1_1() {
        return ConformanceTests.of(ConformanceProtocol.AWS_JSON_1_1, Kind.REQUEST, Kind.RESPONSE);
    }

    @TestFactory
    List<DynamicNode> restJson1() {
        return ConformanceTests.of(ConformanceProtocol.REST_JSON_1, Kind.REQUEST, Kind.RESPONSE);
    }

    @TestFactory
    List<DynamicNode> restXml() {
        return ConformanceTests.of(ConformanceProtocol.REST_XML, Kind.REQUEST, Kind.RESPONSE);
    }

    @TestFactory
    List<DynamicNode> awsQuery() {
        return ConformanceTests.of(ConformanceProtocol.AWS_QUERY, Kind.REQUEST, Kind.RESPONSE);
    }

    @TestFactory
    List<DynamicNode> ec2Query() {
        return ConformanceTests.of(ConformanceProtocol.EC2_QUERY, Kind.REQUEST, Kind.RESPONSE);
    }

    @TestFactory
    List<DynamicNode> rpcv2Cbor() {
        return ConformanceTests.of(ConformanceProtocol.RPC_V2_CBOR, Kind.REQUEST, Kind.RESPONSE);
    }
}
