package io.kasumi.api;

import java.util.Map;

/**
 * An AWS error as a value: the code clients see, the message, the HTTP status and who is at
 * fault. Protocol codecs turn it into each protocol's error body; services only throw it.
 *
 * <p>{@code code} is the error shape name of the service model where there is one (the codec
 * finds the legacy query code of awsQueryCompatible services from the model), else AWS's code.
 * {@code fields} carries extra members of the error shape (e.g. CancellationReasons).
 */
public class AwsException extends RuntimeException {
    private final String code;
    private final int httpStatus;
    private final boolean senderFault;
    private final Map<String, Object> fields;

    public AwsException(String code, String message, int httpStatus, boolean senderFault, Map<String, Object> fields) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.senderFault = senderFault;
        this.fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public AwsException(String code, String message, int httpStatus, boolean senderFault) {
        this(code, message, httpStatus, senderFault, Map.of());
    }

    /** A client-side (Sender) fault with status 400. */
    public static AwsException sender(String code, String message) {
        return new AwsException(code, message, 400, true);
    }

    /** AWS's answer for an operation this emulator does not implement. */
    public static AwsException notImplemented(String service, String operation) {
        return new AwsException("NotImplemented",
                "The operation " + operation + " of service " + service + " is not implemented by Kasumi", 501, false);
    }

    public static AwsException internal(String message) {
        return new AwsException("InternalFailure", message, 500, false);
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean senderFault() {
        return senderFault;
    }

    /** Extra members of the error shape, by member name. */
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return code + " (" + httpStatus + "): " + getMessage();
    }
}
