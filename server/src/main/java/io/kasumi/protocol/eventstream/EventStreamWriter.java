package io.kasumi.protocol.eventstream;

import io.kasumi.api.AwsException;
import io.kasumi.api.StreamingBody;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.codec.ModelError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the events of an event-stream union into messages, led by the model: the union member
 * names the event ({@code :event-type}), eventheader members become typed headers, the
 * eventpayload member is the raw payload (blob as octets, string as text, structures through the
 * protocol's serializer), and otherwise the event's remaining members are serialized as a
 * structure. Modeled errors become exception events, anything else an error message.
 */
public final class EventStreamWriter {
    public static final String INITIAL_RESPONSE = "initial-response";

    private final PayloadSerializer serializer;

    public EventStreamWriter(PayloadSerializer serializer) {
        this.serializer = serializer;
    }

    /** The message for one event; {@code stream} is the event-stream union shape. */
    public EventStreamMessage event(StructureShape stream, String memberName, Map<String, Object> value) {
        Member member = stream.member(memberName);
        if (member == null) {
            throw AwsException.internal(stream.name() + " has no event " + memberName);
        }
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(EventStreamMessage.EVENT_TYPE, HeaderValue.of(memberName));
        headers.put(EventStreamMessage.MESSAGE_TYPE, HeaderValue.of("event"));
        byte[] payload = bindEvent(member.target(), value, headers);
        return new EventStreamMessage(headers, payload);
    }

    /**
     * The first message of an RPC protocol's event-stream response, carrying the output's other
     * members ({@code :event-type: initial-response}).
     */
    public EventStreamMessage initialResponse(StructureShape output, Map<String, Object> value) {
        Map<String, Object> rest = new LinkedHashMap<>();
        output.members().values().stream()
                .filter(m -> !m.target().traits().eventStream() && value.get(m.name()) != null)
                .forEach(m -> rest.put(m.name(), value.get(m.name())));
        PayloadSerializer.Payload payload = serializer.serialize(output, rest);
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(EventStreamMessage.EVENT_TYPE, HeaderValue.of(INITIAL_RESPONSE));
        headers.put(EventStreamMessage.CONTENT_TYPE, HeaderValue.of(payload.contentType()));
        headers.put(EventStreamMessage.MESSAGE_TYPE, HeaderValue.of("event"));
        return new EventStreamMessage(headers, payload.bytes());
    }

    /**
     * The message that ends a stream with an error: an exception event when the union declares
     * the error ({@code :exception-type} is the member name), else an error message with
     * {@code :error-code} and {@code :error-message}.
     */
    public EventStreamMessage error(StructureShape stream, AwsException error) {
        Member member = errorMember(stream, error);
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        if (member == null) {
            headers.put(EventStreamMessage.ERROR_CODE, HeaderValue.of(ModelError.bareCode(error.code())));
            headers.put(EventStreamMessage.ERROR_MESSAGE, HeaderValue.of(error.getMessage() == null ? "" : error.getMessage()));
            headers.put(EventStreamMessage.MESSAGE_TYPE, HeaderValue.of("error"));
            return new EventStreamMessage(headers, new byte[0]);
        }
        Map<String, Object> value = new LinkedHashMap<>(error.fields());
        if (member.target() instanceof StructureShape shape && error.getMessage() != null) {
            shape.members().keySet().stream().filter(name -> name.equalsIgnoreCase("message")).findFirst()
                    .ifPresent(name -> value.putIfAbsent(name, error.getMessage()));
        }
        headers.put(EventStreamMessage.EXCEPTION_TYPE, HeaderValue.of(member.name()));
        headers.put(EventStreamMessage.MESSAGE_TYPE, HeaderValue.of("exception"));
        byte[] payload = bindEvent(member.target(), value, headers);
        return new EventStreamMessage(headers, payload);
    }

    /** Puts header members into {@code headers} and returns the payload (adding :content-type when there is one). */
    private byte[] bindEvent(Shape eventShape, Map<String, Object> value, Map<String, HeaderValue> headers) {
        if (!(eventShape instanceof StructureShape event)) {
            return payload(eventShape, value, headers);
        }
        Member payloadMember = null;
        Map<String, Object> body = new LinkedHashMap<>();
        boolean hasBodyMembers = false;
        for (Member member : event.members().values()) {
            Object memberValue = value.get(member.name());
            if (member.eventHeader()) {
                if (memberValue != null) {
                    headers.put(member.name(), headerValue(member.target(), memberValue));
                }
            } else if (member.eventPayload()) {
                payloadMember = member;
            } else {
                hasBodyMembers = true;
                if (memberValue != null) {
                    body.put(member.name(), memberValue);
                }
            }
        }
        if (payloadMember != null) {
            Object payloadValue = value.get(payloadMember.name());
            return payloadValue == null ? new byte[0] : payload(payloadMember.target(), payloadValue, headers);
        }
        if (!hasBodyMembers) {
            return new byte[0];
        }
        return payload(event, body, headers);
    }

    private byte[] payload(Shape shape, Object value, Map<String, HeaderValue> headers) {
        return switch (shape.type()) {
            case BLOB -> {
                headers.put(EventStreamMessage.CONTENT_TYPE, HeaderValue.of("application/octet-stream"));
                yield bytes(value);
            }
            case STRING -> {
                headers.put(EventStreamMessage.CONTENT_TYPE, HeaderValue.of("text/plain"));
                yield value.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                PayloadSerializer.Payload payload = serializer.serialize(shape, value);
                headers.put(EventStreamMessage.CONTENT_TYPE, HeaderValue.of(payload.contentType()));
                yield payload.bytes();
            }
        };
    }

    private static HeaderValue headerValue(Shape shape, Object value) {
        return switch (shape.type()) {
            case BOOLEAN -> new HeaderValue.BoolValue((Boolean) value);
            case BYTE -> new HeaderValue.ByteValue(((Number) value).byteValue());
            case SHORT -> new HeaderValue.ShortValue(((Number) value).shortValue());
            case INTEGER -> new HeaderValue.IntValue(((Number) value).intValue());
            case LONG -> new HeaderValue.LongValue(((Number) value).longValue());
            case BLOB -> new HeaderValue.BytesValue(bytes(value));
            case TIMESTAMP -> new HeaderValue.TimestampValue((Instant) value);
            default -> new HeaderValue.StringValue(value.toString());
        };
    }

    private static byte[] bytes(Object value) {
        return switch (value) {
            case byte[] bytes -> bytes;
            case StreamingBody body -> {
                try (InputStream in = body.stream()) {
                    yield in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            default -> throw AwsException.internal("cannot write " + value.getClass().getSimpleName() + " as an event payload");
        };
    }

    private static Member errorMember(StructureShape stream, AwsException error) {
        String code = ModelError.bareCode(error.code());
        for (Member member : stream.members().values()) {
            Shape target = member.target();
            boolean isError = target.traits().exception() || target.traits().error() != null;
            if (isError && (member.name().equals(code) || target.name().equals(code)
                    || code.equals(target.traits().error() == null ? null : target.traits().error().code()))) {
                return member;
            }
        }
        return null;
    }
}
