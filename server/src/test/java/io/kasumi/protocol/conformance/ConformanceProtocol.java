package io.kasumi.protocol.conformance;

import software.amazon.smithy.model.shapes.ShapeId;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Smithy protocols whose official test suites we run, each with the botocore protocol name
 * our codec for it is registered under.
 */
public enum ConformanceProtocol {
    AWS_JSON_1_0("awsJson1_0", "aws.protocols#awsJson1_0", "json"),
    AWS_JSON_1_1("awsJson1_1", "aws.protocols#awsJson1_1", "json"),
    REST_JSON_1("restJson1", "aws.protocols#restJson1", "rest-json"),
    REST_XML("restXml", "aws.protocols#restXml", "rest-xml"),
    AWS_QUERY("awsQuery", "aws.protocols#awsQuery", "query"),
    EC2_QUERY("ec2Query", "aws.protocols#ec2Query", "ec2"),
    RPC_V2_CBOR("rpcv2Cbor", "smithy.protocols#rpcv2Cbor", "smithy-rpc-v2-cbor");

    private final String smithyName;
    private final ShapeId traitId;
    private final String botocoreName;

    ConformanceProtocol(String smithyName, String traitId, String botocoreName) {
        this.smithyName = smithyName;
        this.traitId = ShapeId.from(traitId);
        this.botocoreName = botocoreName;
    }

    /** The protocol's name in Smithy and in known-failures.txt, e.g. "awsJson1_0". */
    public String smithyName() {
        return smithyName;
    }

    /** The protocol trait a service and each test case name. */
    public ShapeId traitId() {
        return traitId;
    }

    /** The name our codec registers under in {@code ProtocolCodecs}. */
    public String botocoreName() {
        return botocoreName;
    }

    public boolean isJson() {
        return this == AWS_JSON_1_0 || this == AWS_JSON_1_1 || this == REST_JSON_1;
    }

    /** Protocols whose members take their wire names from xmlName. */
    public boolean isXml() {
        return this == REST_XML || this == AWS_QUERY || this == EC2_QUERY;
    }

    /** Protocols that bind members to HTTP headers, query strings, labels and status codes. */
    public boolean isRest() {
        return this == REST_JSON_1 || this == REST_XML;
    }

    public static Optional<ConformanceProtocol> byTrait(ShapeId traitId) {
        return Arrays.stream(values()).filter(p -> p.traitId.equals(traitId)).findFirst();
    }

    public static ConformanceProtocol bySmithyName(String name) {
        return Arrays.stream(values()).filter(p -> p.smithyName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol " + name));
    }
}
