package io.kasumi.protocol.codec;

import io.kasumi.api.AwsException;

/** The errors every codec answers for input it cannot read, with AWS's codes. */
public final class CodecErrors {
    private CodecErrors() {
    }

    /** A request whose body, headers, query or path cannot be read as the model says (400). */
    public static AwsException serialization(String message) {
        return new AwsException("SerializationException", message, 400, true);
    }

    /** A request that names no operation of the service. */
    public static AwsException unknownOperation(String message, int status) {
        return new AwsException("UnknownOperationException", message, status, true);
    }
}
