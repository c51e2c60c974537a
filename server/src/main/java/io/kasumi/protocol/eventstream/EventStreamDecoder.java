package io.kasumi.protocol.eventstream;

import io.kasumi.api.AwsException;
import io.kasumi.protocol.codec.CodecErrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.kasumi.protocol.eventstream.EventStreamFraming.MAX_HEADERS_LENGTH;
import static io.kasumi.protocol.eventstream.EventStreamFraming.MAX_PAYLOAD_LENGTH;
import static io.kasumi.protocol.eventstream.EventStreamFraming.MESSAGE_CRC_LENGTH;
import static io.kasumi.protocol.eventstream.EventStreamFraming.MIN_MESSAGE_LENGTH;
import static io.kasumi.protocol.eventstream.EventStreamFraming.PRELUDE_LENGTH;

/**
 * Decodes event-stream messages from bytes that arrive in arbitrary pieces. Feed it whatever
 * was read; it returns every message completed so far and keeps the rest. A checksum mismatch
 * or an impossible length is a {@code SerializationException}, after which the decoder refuses
 * further input (the stream cannot be resynchronised).
 */
public final class EventStreamDecoder {
    private byte[] buffer = new byte[1024];
    private int start;
    private int end;
    private boolean failed;

    public List<EventStreamMessage> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    public List<EventStreamMessage> feed(byte[] bytes, int offset, int length) {
        if (failed) {
            throw CodecErrors.serialization("event stream is corrupt");
        }
        append(bytes, offset, length);
        List<EventStreamMessage> messages = new ArrayList<>();
        try {
            int total;
            while ((total = completeFrameLength()) > 0) {
                messages.add(decodeFrame(buffer, start, total));
                start += total;
            }
        } catch (AwsException e) {
            failed = true;
            throw e;
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
        return messages;
    }

    /** True when bytes of an unfinished message are buffered (a stream that ends here was cut short). */
    public boolean hasPartialMessage() {
        return end > start;
    }

    /** Decodes exactly one whole message. */
    public static EventStreamMessage decode(byte[] frame) {
        if (frame.length < MIN_MESSAGE_LENGTH) {
            throw CodecErrors.serialization("event-stream message of " + frame.length + " bytes is too short");
        }
        int total = checkPrelude(frame, 0);
        if (total != frame.length) {
            throw CodecErrors.serialization("event-stream message length " + total + " does not match " + frame.length + " bytes");
        }
        return decodeFrame(frame, 0, total);
    }

    /** Reads the next message of a stream; null when the stream ends cleanly between messages. */
    public static EventStreamMessage read(InputStream in) throws IOException {
        byte[] prelude = in.readNBytes(PRELUDE_LENGTH);
        if (prelude.length == 0) {
            return null;
        }
        if (prelude.length < PRELUDE_LENGTH) {
            throw CodecErrors.serialization("event stream ends inside a message prelude");
        }
        int total = checkPrelude(prelude, 0);
        byte[] frame = new byte[total];
        System.arraycopy(prelude, 0, frame, 0, PRELUDE_LENGTH);
        int rest = in.readNBytes(frame, PRELUDE_LENGTH, total - PRELUDE_LENGTH);
        if (rest < total - PRELUDE_LENGTH) {
            throw CodecErrors.serialization("event stream ends inside a message");
        }
        return decodeFrame(frame, 0, total);
    }

    /** The length of the whole frame at the buffer's start once it is all buffered, else 0. */
    private int completeFrameLength() {
        if (end - start < PRELUDE_LENGTH) {
            return 0;
        }
        int total = checkPrelude(buffer, start);
        return end - start >= total ? total : 0;
    }

    /** Verifies the prelude checksum and lengths; returns the total message length. */
    private static int checkPrelude(byte[] bytes, int offset) {
        ByteBuffer prelude = ByteBuffer.wrap(bytes, offset, PRELUDE_LENGTH);
        long total = Integer.toUnsignedLong(prelude.getInt());
        long headersLength = Integer.toUnsignedLong(prelude.getInt());
        long expectedCrc = Integer.toUnsignedLong(prelude.getInt());
        long actualCrc = EventStreamEncoder.crc(bytes, offset, 8);
        if (expectedCrc != actualCrc) {
            throw CodecErrors.serialization(String.format(
                    "event-stream prelude checksum mismatch: expected 0x%08x, computed 0x%08x", expectedCrc, actualCrc));
        }
        if (headersLength > MAX_HEADERS_LENGTH) {
            throw CodecErrors.serialization("event-stream headers length " + headersLength + " exceeds the limit");
        }
        long payloadLength = total - headersLength - MIN_MESSAGE_LENGTH;
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD_LENGTH) {
            throw CodecErrors.serialization("invalid event-stream message length " + total);
        }
        return (int) total;
    }

    private static EventStreamMessage decodeFrame(byte[] bytes, int offset, int total) {
        ByteBuffer frame = ByteBuffer.wrap(bytes, offset, total);
        long expectedCrc = Integer.toUnsignedLong(frame.getInt(offset + total - MESSAGE_CRC_LENGTH));
        long actualCrc = EventStreamEncoder.crc(bytes, offset, total - MESSAGE_CRC_LENGTH);
        if (expectedCrc != actualCrc) {
            throw CodecErrors.serialization(String.format(
                    "event-stream message checksum mismatch: expected 0x%08x, computed 0x%08x", expectedCrc, actualCrc));
        }
        int headersLength = frame.getInt(offset + 4);
        int headersStart = offset + PRELUDE_LENGTH;
        Map<String, HeaderValue> headers = decodeHeaders(ByteBuffer.wrap(bytes, headersStart, headersLength).slice());
        int payloadStart = headersStart + headersLength;
        byte[] payload = new byte[total - PRELUDE_LENGTH - headersLength - MESSAGE_CRC_LENGTH];
        System.arraycopy(bytes, payloadStart, payload, 0, payload.length);
        return new EventStreamMessage(headers, payload);
    }

    private static Map<String, HeaderValue> decodeHeaders(ByteBuffer in) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        try {
            while (in.hasRemaining()) {
                byte[] name = new byte[Byte.toUnsignedInt(in.get())];
                in.get(name);
                headers.put(new String(name, StandardCharsets.UTF_8), decodeValue(in));
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw CodecErrors.serialization("event-stream header runs past the headers block");
        }
        return headers;
    }

    private static HeaderValue decodeValue(ByteBuffer in) {
        int type = in.get();
        return switch (type) {
            case 0 -> new HeaderValue.BoolValue(true);
            case 1 -> new HeaderValue.BoolValue(false);
            case 2 -> new HeaderValue.ByteValue(in.get());
            case 3 -> new HeaderValue.ShortValue(in.getShort());
            case 4 -> new HeaderValue.IntValue(in.getInt());
            case 5 -> new HeaderValue.LongValue(in.getLong());
            case 6 -> new HeaderValue.BytesValue(variable(in));
            case 7 -> new HeaderValue.StringValue(new String(variable(in), StandardCharsets.UTF_8));
            case 8 -> new HeaderValue.TimestampValue(Instant.ofEpochMilli(in.getLong()));
            case 9 -> new HeaderValue.UuidValue(new UUID(in.getLong(), in.getLong()));
            default -> throw CodecErrors.serialization("unknown event-stream header type " + type);
        };
    }

    private static byte[] variable(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private void append(byte[] bytes, int offset, int length) {
        if (end + length > buffer.length) {
            int live = end - start;
            byte[] target = live + length > buffer.length ? new byte[Math.max(buffer.length * 2, live + length)] : buffer;
            System.arraycopy(buffer, start, target, 0, live);
            buffer = target;
            start = 0;
            end = live;
        }
        System.arraycopy(bytes, offset, buffer, end, length);
        end += length;
    }
}
