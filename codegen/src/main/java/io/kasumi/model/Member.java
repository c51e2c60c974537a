package io.kasumi.model;

import java.util.Map;

/**
 * A member of a structure, or the member/key/value of a list or map.
 *
 * @param name the member name (the key in the value tree)
 * @param target the shape the member refers to
 * @param location where the member is bound in an HTTP message
 * @param locationName the wire name (JSON key, XML element, header, query key, URI label), or null
 * @param queryName the ec2 protocol's query key, or null
 * @param flattened XML flattened list or map
 * @param xmlAttribute serialized as an XML attribute
 * @param xmlNamespace namespace declared on the member's element, or null
 * @param jsonValue a header carrying base64-encoded JSON (botocore "jsonvalue")
 * @param idempotencyToken filled with a fresh UUID when a client omits it
 * @param hostLabel bound to a label of the host prefix
 * @param eventPayload the event-stream message payload member
 * @param eventHeader an event-stream message header member
 * @param timestampFormat member-level timestamp format override, or null
 * @param required the structure lists this member as required
 * @param defaultValue the model default, or null
 */
public record Member(
        String name,
        Shape target,
        Location location,
        String locationName,
        String queryName,
        boolean flattened,
        boolean xmlAttribute,
        XmlNamespace xmlNamespace,
        boolean jsonValue,
        boolean idempotencyToken,
        boolean hostLabel,
        boolean eventPayload,
        boolean eventHeader,
        String timestampFormat,
        boolean required,
        Object defaultValue,
        Map<String, Object> raw) {

    /** The wire name: locationName when the model gives one, else the member name. */
    public String wireName() {
        return locationName != null ? locationName : name;
    }

    /** Member-level timestamp format, else the target shape's, else null. */
    public String effectiveTimestampFormat() {
        return timestampFormat != null ? timestampFormat : target.traits().timestampFormat();
    }

    /** A streamed blob: the streaming trait sits on the target shape or, in the S3 model, on the member. */
    public boolean isStreaming() {
        return target.traits().streaming() || Boolean.TRUE.equals(raw.get("streaming"));
    }

    public boolean isFlattened() {
        return flattened || target.traits().flattened();
    }

    @Override
    public String toString() {
        return "Member[" + name + " -> " + target.name() + "]";
    }
}
