package io.kasumi.protocol.eventstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.api.AwsException;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.ResponseBody;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServiceModel MODEL = model("""
            {'metadata': {'protocol': 'json'}, 'operations': {},
             'shapes': {
               'Output': {'type': 'structure', 'members': {
                   'RequestId': {'shape': 'String'}, 'Stream': {'shape': 'Events'}}},
               'Events': {'type': 'structure', 'union': true, 'eventstream': true, 'members': {
                   'Records': {'shape': 'RecordsEvent'}, 'Stats': {'shape': 'StatsEvent'},
                   'Delta': {'shape': 'DeltaEvent'}, 'End': {'shape': 'EndEvent'},
                   'Note': {'shape': 'NoteEvent'},
                   'ValidationException': {'shape': 'ValidationException'}}},
               'RecordsEvent': {'type': 'structure', 'event': true, 'members': {
                   'Payload': {'shape': 'Blob', 'eventpayload': true}}},
               'StatsEvent': {'type': 'structure', 'event': true, 'members': {
                   'Details': {'shape': 'Stats', 'eventpayload': true}}},
               'Stats': {'type': 'structure', 'members': {'BytesScanned': {'shape': 'Long'}}},
               'DeltaEvent': {'type': 'structure', 'event': true, 'members': {
                   'Index': {'shape': 'Integer'}, 'Text': {'shape': 'String'},
                   'Seq': {'shape': 'Long', 'eventheader': true}, 'Final': {'shape': 'Boolean', 'eventheader': true},
                   'At': {'shape': 'Timestamp', 'eventheader': true}, 'Tag': {'shape': 'Blob', 'eventheader': true}}},
               'EndEvent': {'type': 'structure', 'event': true, 'members': {}},
               'NoteEvent': {'type': 'structure', 'event': true, 'members': {
                   'Text': {'shape': 'String', 'eventpayload': true}}},
               'ValidationException': {'type': 'structure', 'exception': true,
                   'members': {'message': {'shape': 'String'}, 'Field': {'shape': 'String'}},
                   'error': {'httpStatusCode': 400, 'senderFault': true}},
               'String': {'type': 'string'}, 'Blob': {'type': 'blob'}, 'Long': {'type': 'long'},
               'Integer': {'type': 'integer'}, 'Boolean': {'type': 'boolean'}, 'Timestamp': {'type': 'timestamp'}
             }}
            """);
    private static final StructureShape EVENTS = (StructureShape) MODEL.shape("Events");

    private final EventStreamWriter writer = new EventStreamWriter((shape, value) -> {
        try {
            return new PayloadSerializer.Payload(JSON.writeValueAsBytes(value), "application/json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    });

    @SuppressWarnings("unchecked")
    private static ServiceModel model(String json) {
        try {
            return ServiceModelLoader.fromTree("events", JSON.readValue(json.replace('\'', '"'), Map.class));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesABlobEventPayloadAsRawOctets() {
        EventStreamMessage message = writer.event(EVENTS, "Records", Map.of("Payload", "a,b\n".getBytes()));
        assertThat(message.headers()).containsEntry(":event-type", HeaderValue.of("Records"))
                .containsEntry(":message-type", HeaderValue.of("event"))
                .containsEntry(":content-type", HeaderValue.of("application/octet-stream"));
        assertThat(message.payload()).isEqualTo("a,b\n".getBytes());
    }

    @Test
    void writesAStructureEventPayloadWithThePluggedSerializer() {
        EventStreamMessage message = writer.event(EVENTS, "Stats", Map.of("Details", Map.of("BytesScanned", 42L)));
        assertThat(message.stringHeader(":content-type")).isEqualTo("application/json");
        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"BytesScanned\":42}");
    }

    @Test
    void writesAStringEventPayloadAsText() {
        EventStreamMessage message = writer.event(EVENTS, "Note", Map.of("Text", "hello"));
        assertThat(message.stringHeader(":content-type")).isEqualTo("text/plain");
        assertThat(message.payload()).isEqualTo("hello".getBytes());
    }

    @Test
    void bindsEventHeaderMembersAsTypedHeadersAndTheRestAsTheBody() {
        EventStreamMessage message = writer.event(EVENTS, "Delta", Map.of(
                "Index", 0, "Text", "Hi", "Seq", 7L, "Final", false,
                "At", Instant.parse("2024-01-01T00:00:00Z"), "Tag", new byte[]{9}));
        assertThat(message.headers())
                .containsEntry("Seq", new HeaderValue.LongValue(7))
                .containsEntry("Final", new HeaderValue.BoolValue(false))
                .containsEntry("At", new HeaderValue.TimestampValue(Instant.parse("2024-01-01T00:00:00Z")))
                .containsEntry("Tag", new HeaderValue.BytesValue(new byte[]{9}));
        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"Index\":0,\"Text\":\"Hi\"}");
    }

    @Test
    void writesAnEventWithoutMembersWithAnEmptyPayloadAndNoContentType() {
        EventStreamMessage message = writer.event(EVENTS, "End", Map.of());
        assertThat(message.payload()).isEmpty();
        assertThat(message.headers()).doesNotContainKey(":content-type");
        assertThat(message.eventType()).isEqualTo("End");
    }

    @Test
    void writesModeledErrorsAsExceptionEvents() {
        AwsException error = new AwsException("ValidationException", "bad input", 400, true, Map.of("Field", "x"));
        EventStreamMessage message = writer.error(EVENTS, error);
        assertThat(message.messageType()).isEqualTo("exception");
        assertThat(message.stringHeader(":exception-type")).isEqualTo("ValidationException");
        assertThat(message.stringHeader(":content-type")).isEqualTo("application/json");
        assertThat(new String(message.payload(), StandardCharsets.UTF_8))
                .contains("\"message\":\"bad input\"").contains("\"Field\":\"x\"");
    }

    @Test
    void writesUnmodeledErrorsAsErrorMessages() {
        EventStreamMessage message = writer.error(EVENTS, AwsException.internal("it broke"));
        assertThat(message.messageType()).isEqualTo("error");
        assertThat(message.stringHeader(":error-code")).isEqualTo("InternalFailure");
        assertThat(message.stringHeader(":error-message")).isEqualTo("it broke");
        assertThat(message.payload()).isEmpty();
    }

    @Test
    void writesTheInitialResponseWithoutTheStreamMember() {
        EventPublisher publisher = sink -> { };
        EventStreamMessage message = writer.initialResponse((StructureShape) MODEL.shape("Output"),
                Map.of("RequestId", "r-1", "Stream", publisher));
        assertThat(message.eventType()).isEqualTo("initial-response");
        assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"RequestId\":\"r-1\"}");
    }

    @Test
    void streamsEventsAsTheServicePublishesThem() throws IOException {
        List<Integer> flushedSizes = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void flush() {
                flushedSizes.add(bytes.size());
            }
        };
        ResponseBody.Writer body = EventStreamBody.of(writer, EVENTS, List.of(), sink -> {
            sink.send("Records", Map.of("Payload", "1".getBytes()));
            sink.send("Records", Map.of("Payload", "2".getBytes()));
            throw new AwsException("ValidationException", "stop", 400, true);
        });

        body.writer().writeTo(out);

        List<EventStreamMessage> messages = new EventStreamDecoder().feed(bytes.toByteArray());
        assertThat(messages).extracting(EventStreamMessage::messageType).containsExactly("event", "event", "exception");
        assertThat(messages.get(1).payload()).isEqualTo("2".getBytes());
        // each event is flushed as soon as it is written
        assertThat(flushedSizes).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void endsTheStreamWithAnErrorMessageWhenThePublisherFails() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStreamBody.of(writer, EVENTS, List.of(), sink -> {
            throw new IllegalStateException("oops");
        }).writer().writeTo(out);
        List<EventStreamMessage> messages = new EventStreamDecoder().feed(out.toByteArray());
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.messageType()).isEqualTo("error");
            assertThat(m.stringHeader(":error-code")).isEqualTo("InternalFailure");
        });
    }
}
