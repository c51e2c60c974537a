package io.kasumi.protocol.eventstream;

import io.kasumi.model.Shape;

/**
 * How a protocol writes a structure into an event's payload: JSON for the json protocols, CBOR
 * for rpc-v2-cbor, XML for rest-xml.
 */
@FunctionalInterface
public interface PayloadSerializer {

    Payload serialize(Shape shape, Object value);

    /** Serialized bytes and the {@code :content-type} they are sent with. */
    record Payload(byte[] bytes, String contentType) {
    }
}
