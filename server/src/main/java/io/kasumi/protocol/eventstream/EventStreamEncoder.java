package io.kasumi.protocol.eventstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

import static io.kasumi.protocol.eventstream.EventStreamFraming.MAX_HEADERS_LENGTH;
import static io.kasumi.protocol.eventstream.EventStreamFraming.MAX_PAYLOAD_LENGTH;
import static io.kasumi.protocol.eventstream.EventStreamFraming.MESSAGE_CRC_LENGTH;
import static io.kasumi.protocol.eventstream.EventStreamFraming.PRELUDE_LENGTH;

/**
 * Encodes messages in the event-stream wire format: a prelude (total length, headers length,
 * CRC32 of those 8 bytes), the headers, the payload, and a CRC32 of everything before it.
 * All integers are big-endian.
 */
public final class EventStreamEncoder {
    private EventStreamEncoder() {
    }

    public static byte[] encode(EventStreamMessage message) {
        byte[] headers = encodeHeaders(message.headers());
        byte[] payload = message.payload();
        if (payload.length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("event-stream payload of " + payload.length + " bytes exceeds the limit");
        }
        int total = PRELUDE_LENGTH + headers.length + payload.length + MESSAGE_CRC_LENGTH;
        ByteBuffer frame = ByteBuffer.allocate(total);
        frame.putInt(total).putInt(headers.length);
        frame.putInt((int) crc(frame.array(), 0, 8));
        frame.put(headers).put(payload);
        frame.putInt((int) crc(frame.array(), 0, total - MESSAGE_CRC_LENGTH));
        return frame.array();
    }

    public static void write(EventStreamMessage message, OutputStream out) throws IOException {
        out.write(encode(message));
    }

    /** The headers block: per header a 1-byte name length, the name, a type id and the value. */
    static byte[] encodeHeaders(Map<String, HeaderValue> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            if (nameBytes.length == 0 || nameBytes.length > 255) {
                throw new IllegalArgumentException("event-stream header name must be 1 to 255 bytes: " + name);
            }
            out.write(nameBytes.length);
            out.writeBytes(nameBytes);
            out.write(value.typeId());
            writeValue(out, value);
        });
        if (out.size() > MAX_HEADERS_LENGTH) {
            throw new IllegalArgumentException("event-stream headers of " + out.size() + " bytes exceed the limit");
        }
        return out.toByteArray();
    }

    private static void writeValue(ByteArrayOutputStream out, HeaderValue value) {
        switch (value) {
            case HeaderValue.BoolValue b -> {
                // the type id carries the value
            }
            case HeaderValue.ByteValue b -> out.write(b.number());
            case HeaderValue.ShortValue s -> out.writeBytes(ByteBuffer.allocate(2).putShort(s.number()).array());
            case HeaderValue.IntValue i -> out.writeBytes(ByteBuffer.allocate(4).putInt(i.number()).array());
            case HeaderValue.LongValue l -> out.writeBytes(ByteBuffer.allocate(8).putLong(l.number()).array());
            case HeaderValue.BytesValue b -> writeVariable(out, b.bytes());
            case HeaderValue.StringValue s -> writeVariable(out, s.text().getBytes(StandardCharsets.UTF_8));
            case HeaderValue.TimestampValue t ->
                    out.writeBytes(ByteBuffer.allocate(8).putLong(t.instant().toEpochMilli()).array());
            case HeaderValue.UuidValue u -> out.writeBytes(ByteBuffer.allocate(16)
                    .putLong(u.uuid().getMostSignificantBits()).putLong(u.uuid().getLeastSignificantBits()).array());
        }
    }

    private static void writeVariable(ByteArrayOutputStream out, byte[] bytes) {
        if (bytes.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("event-stream header value of " + bytes.length + " bytes is too long");
        }
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
