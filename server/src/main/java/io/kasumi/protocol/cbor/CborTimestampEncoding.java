package io.kasumi.protocol.cbor;

/**
 * How a CBOR dialect writes timestamps under tag 1 (epoch-based date/time). Smithy RPC v2
 * CBOR uses seconds (a double, millisecond precision); the older AWS JSON-over-CBOR dialect
 * ({@code application/x-amz-cbor-1.1}, Kinesis from the Java SDK) uses integer milliseconds.
 */
public enum CborTimestampEncoding {
    EPOCH_SECONDS,
    EPOCH_MILLIS
}
