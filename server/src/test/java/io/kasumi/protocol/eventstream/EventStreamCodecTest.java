package io.kasumi.protocol.eventstream;

import io.kasumi.api.AwsException;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.Message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStreamCodecTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    /** One header of every type, in wire order. */
    private static Map<String, HeaderValue> everyHeaderType() {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put("true", new HeaderValue.BoolValue(true));
        headers.put("false", new HeaderValue.BoolValue(false));
        headers.put("byte", new HeaderValue.ByteValue((byte) -7));
        headers.put("short", new HeaderValue.ShortValue((short) 1234));
        headers.put("int", new HeaderValue.IntValue(-123456));
        headers.put("long", new HeaderValue.LongValue(1L << 40));
        headers.put("bytes", new HeaderValue.BytesValue(new byte[]{0, 1, (byte) 0xff}));
        headers.put("string", HeaderValue.of("héllo"));
        headers.put("time", new HeaderValue.TimestampValue(Instant.parse("2024-01-02T03:04:05.678Z")));
        headers.put("uuid", new HeaderValue.UuidValue(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef")));
        return headers;
    }

    /** Every header type the AWS eventstream library 1.0.1 encodes correctly (it writes no value bytes for byte and short). */
    private static Map<String, HeaderValue> libraryCompatibleHeaders() {
        Map<String, HeaderValue> headers = everyHeaderType();
        headers.remove("byte");
        headers.remove("short");
        return headers;
    }

    /** The same headers as the AWS eventstream library models them. */
    private static Map<String, software.amazon.eventstream.HeaderValue> libraryHeaders() {
        Map<String, software.amazon.eventstream.HeaderValue> headers = new LinkedHashMap<>();
        headers.put("true", software.amazon.eventstream.HeaderValue.fromBoolean(true));
        headers.put("false", software.amazon.eventstream.HeaderValue.fromBoolean(false));
        headers.put("int", software.amazon.eventstream.HeaderValue.fromInteger(-123456));
        headers.put("long", software.amazon.eventstream.HeaderValue.fromLong(1L << 40));
        headers.put("bytes", software.amazon.eventstream.HeaderValue.fromByteArray(new byte[]{0, 1, (byte) 0xff}));
        headers.put("string", software.amazon.eventstream.HeaderValue.fromString("héllo"));
        headers.put("time", software.amazon.eventstream.HeaderValue.fromTimestamp(Instant.parse("2024-01-02T03:04:05.678Z")));
        headers.put("uuid", software.amazon.eventstream.HeaderValue.fromUuid(UUID.fromString("01234567-89ab-cdef-0123-456789abcdef")));
        return headers;
    }

    @Test
    void encodesTheEmptyMessageVector() {
        // the empty message of the AWS event-stream test vectors: 16 bytes, two CRCs
        assertThat(EventStreamEncoder.encode(new EventStreamMessage(Map.of(), new byte[0])))
                .isEqualTo(hex("00000010 00000000 05c248eb 7d98c8ff"));
    }

    @Test
    void encodesAPayloadOnlyMessageLikeTheVectors() {
        byte[] payload = "{'foo':'bar'}".getBytes(StandardCharsets.US_ASCII);
        byte[] encoded = EventStreamEncoder.encode(new EventStreamMessage(Map.of(), payload));
        assertThat(encoded).isEqualTo(hex("0000001d 00000000 fd528c5a 7b27666f6f273a27626172277d c3653936"));
    }

    @Test
    void encodesByteAndShortHeadersWithTheirValueBytes() {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put("b", new HeaderValue.ByteValue((byte) -7));
        headers.put("s", new HeaderValue.ShortValue((short) 1234));
        assertThat(EventStreamEncoder.encodeHeaders(headers)).isEqualTo(hex("01 62 02 f9  01 73 03 04d2"));
        byte[] frame = EventStreamEncoder.encode(new EventStreamMessage(headers, new byte[0]));
        assertThat(EventStreamDecoder.decode(frame).headers()).isEqualTo(headers);
    }

    @Test
    void encodesHeadersExactlyAsTheAwsLibrary() {
        byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
        byte[] ours = EventStreamEncoder.encode(new EventStreamMessage(libraryCompatibleHeaders(), payload));
        ByteBuffer theirs = new Message(libraryHeaders(), payload).toByteBuffer();
        byte[] theirBytes = new byte[theirs.remaining()];
        theirs.get(theirBytes);
        assertThat(ours).isEqualTo(theirBytes);
    }

    @Test
    void decodesWhatTheAwsLibraryEncodes() {
        byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
        ByteBuffer encoded = new Message(libraryHeaders(), payload).toByteBuffer();
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);

        EventStreamMessage decoded = EventStreamDecoder.decode(bytes);

        assertThat(decoded).isEqualTo(new EventStreamMessage(libraryCompatibleHeaders(), payload));
        assertThat(decoded.header("time").value()).isEqualTo(Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(decoded.stringHeader("string")).isEqualTo("héllo");
    }

    @Test
    void theAwsLibraryDecodesWhatWeEncode() {
        byte[] ours = EventStreamEncoder.encode(new EventStreamMessage(libraryCompatibleHeaders(), new byte[]{1, 2, 3}));
        Message message = Message.decode(ByteBuffer.wrap(ours));
        assertThat(message.getHeaders()).isEqualTo(libraryHeaders());
        assertThat(message.getPayload()).containsExactly(1, 2, 3);
    }

    @Test
    void decodesMessagesSplitAtEveryPossibleByte() {
        List<EventStreamMessage> messages = List.of(
                new EventStreamMessage(Map.of(":event-type", HeaderValue.of("Records")), "first".getBytes()),
                new EventStreamMessage(everyHeaderType(), new byte[0]),
                new EventStreamMessage(Map.of(), "third message".getBytes()));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        messages.forEach(m -> stream.writeBytes(EventStreamEncoder.encode(m)));
        byte[] bytes = stream.toByteArray();

        for (int split = 0; split <= bytes.length; split++) {
            EventStreamDecoder decoder = new EventStreamDecoder();
            List<EventStreamMessage> decoded = new ArrayList<>(decoder.feed(bytes, 0, split));
            decoded.addAll(decoder.feed(bytes, split, bytes.length - split));
            assertThat(decoded).as("split at %d", split).isEqualTo(messages);
            assertThat(decoder.hasPartialMessage()).isFalse();
        }
    }

    @Test
    void decodesMessagesFedOneByteAtATime() {
        byte[] bytes = EventStreamEncoder.encode(new EventStreamMessage(everyHeaderType(), new byte[5000]));
        EventStreamDecoder decoder = new EventStreamDecoder();
        List<EventStreamMessage> decoded = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            decoded.addAll(decoder.feed(bytes, i, 1));
            assertThat(decoder.hasPartialMessage()).isEqualTo(i < bytes.length - 1);
        }
        assertThat(decoded).containsExactly(new EventStreamMessage(everyHeaderType(), new byte[5000]));
    }

    @Test
    void rejectsACorruptPreludeChecksum() {
        byte[] bytes = EventStreamEncoder.encode(new EventStreamMessage(Map.of(), "x".getBytes()));
        bytes[9] ^= 0x01;
        assertThatThrownBy(() -> new EventStreamDecoder().feed(bytes))
                .isInstanceOf(AwsException.class).hasMessageContaining("prelude checksum");
    }

    @Test
    void rejectsACorruptMessageChecksum() {
        byte[] bytes = EventStreamEncoder.encode(new EventStreamMessage(Map.of("a", HeaderValue.of("b")), "payload".getBytes()));
        bytes[bytes.length - 6] ^= 0x20; // a payload byte
        assertThatThrownBy(() -> new EventStreamDecoder().feed(bytes))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("SerializationException");
                    assertThat(e.getMessage()).contains("message checksum");
                });
        assertThatThrownBy(() -> EventStreamDecoder.decode(bytes)).isInstanceOf(AwsException.class);
    }

    @Test
    void refusesFurtherInputAfterCorruption() {
        byte[] bytes = EventStreamEncoder.encode(new EventStreamMessage(Map.of(), new byte[0]));
        bytes[15] ^= 1;
        EventStreamDecoder decoder = new EventStreamDecoder();
        assertThatThrownBy(() -> decoder.feed(bytes)).isInstanceOf(AwsException.class);
        byte[] good = EventStreamEncoder.encode(new EventStreamMessage(Map.of(), new byte[0]));
        assertThatThrownBy(() -> decoder.feed(good)).isInstanceOf(AwsException.class);
    }

    @Test
    void rejectsImpossibleLengths() {
        // total length 8 with a valid prelude CRC
        ByteBuffer prelude = ByteBuffer.allocate(16).putInt(8).putInt(0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(prelude.array(), 0, 8);
        prelude.putInt((int) crc.getValue());
        assertThatThrownBy(() -> new EventStreamDecoder().feed(prelude.array()))
                .isInstanceOf(AwsException.class).hasMessageContaining("length");
    }

    @Test
    void readsMessagesFromAStreamUntilItsEnd() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        EventStreamMessage one = new EventStreamMessage(Map.of(":message-type", HeaderValue.of("event")), "1".getBytes());
        EventStreamMessage two = new EventStreamMessage(Map.of(), "2".getBytes());
        EventStreamEncoder.write(one, stream);
        EventStreamEncoder.write(two, stream);
        ByteArrayInputStream in = new ByteArrayInputStream(stream.toByteArray());

        assertThat(EventStreamDecoder.read(in)).isEqualTo(one);
        assertThat(EventStreamDecoder.read(in)).isEqualTo(two);
        assertThat(EventStreamDecoder.read(in)).isNull();
    }

    @Test
    void rejectsAStreamCutInsideAMessage() {
        byte[] bytes = EventStreamEncoder.encode(new EventStreamMessage(Map.of(), "abc".getBytes()));
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, 0, bytes.length - 2);
        assertThatThrownBy(() -> EventStreamDecoder.read(in)).isInstanceOf(AwsException.class);
    }

    @Test
    void exposesTheStandardHeaders() {
        EventStreamMessage message = new EventStreamMessage(Map.of(
                ":message-type", HeaderValue.of("event"), ":event-type", HeaderValue.of("Stats")), new byte[0]);
        assertThat(message.messageType()).isEqualTo("event");
        assertThat(message.eventType()).isEqualTo("Stats");
    }
}
