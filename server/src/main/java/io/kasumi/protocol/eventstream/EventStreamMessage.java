package io.kasumi.protocol.eventstream;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message of an AWS event stream ({@code application/vnd.amazon.eventstream}): typed
 * headers in wire order and an opaque payload.
 */
public record EventStreamMessage(Map<String, HeaderValue> headers, byte[] payload) {
    public static final String MESSAGE_TYPE = ":message-type";
    public static final String EVENT_TYPE = ":event-type";
    public static final String EXCEPTION_TYPE = ":exception-type";
    public static final String CONTENT_TYPE = ":content-type";
    public static final String ERROR_CODE = ":error-code";
    public static final String ERROR_MESSAGE = ":error-message";

    public EventStreamMessage {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        payload = payload == null ? new byte[0] : payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public HeaderValue header(String name) {
        return headers.get(name);
    }

    /** A string header's text, or null when absent or not a string. */
    public String stringHeader(String name) {
        return headers.get(name) instanceof HeaderValue.StringValue s ? s.text() : null;
    }

    /** "event", "exception" or "error". */
    public String messageType() {
        return stringHeader(MESSAGE_TYPE);
    }

    public String eventType() {
        return stringHeader(EVENT_TYPE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventStreamMessage that && headers.equals(that.headers) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return headers.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "EventStreamMessage" + headers + "[" + payload.length + " bytes]";
    }
}
