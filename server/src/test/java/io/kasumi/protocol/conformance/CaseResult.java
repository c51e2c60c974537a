package io.kasumi.protocol.conformance;

/** What running one conformance case against its codec showed. */
public sealed interface CaseResult {

    record Passed() implements CaseResult {
    }

    /** The codec answered wrongly; detail says expected versus actual. */
    record Failed(String detail) implements CaseResult {
    }

    /** No codec is registered under the protocol's botocore name yet. */
    record CodecMissing(String protocolName) implements CaseResult {
    }
}
