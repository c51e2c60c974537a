package io.kasumi.auth;

/** The aws-chunked payload kinds named by x-amz-content-sha256. */
public enum StreamingPayload {
    SIGNED("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", true, false),
    SIGNED_WITH_TRAILER("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", true, true),
    UNSIGNED_WITH_TRAILER("STREAMING-UNSIGNED-PAYLOAD-TRAILER", false, true),
    /** SigV4a chunk signatures: framing is decoded, signatures are not checked. */
    ECDSA_SIGNED("STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD", false, false),
    ECDSA_SIGNED_WITH_TRAILER("STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER", false, true);

    private final String headerValue;
    private final boolean hmacSigned;
    private final boolean trailer;

    StreamingPayload(String headerValue, boolean hmacSigned, boolean trailer) {
        this.headerValue = headerValue;
        this.hmacSigned = hmacSigned;
        this.trailer = trailer;
    }

    /** The kind for an x-amz-content-sha256 value, or null when it is not a streaming one. */
    public static StreamingPayload fromContentSha256(String value) {
        if (value == null) {
            return null;
        }
        for (StreamingPayload kind : values()) {
            if (kind.headerValue.equals(value.strip())) {
                return kind;
            }
        }
        return null;
    }

    public String headerValue() {
        return headerValue;
    }

    /** Each chunk carries an HMAC chunk-signature chained from the seed signature. */
    public boolean hmacSigned() {
        return hmacSigned;
    }

    /** The final chunk is followed by trailing headers (e.g. x-amz-checksum-crc32). */
    public boolean hasTrailer() {
        return trailer;
    }
}
