package io.kasumi.protocol.cbor;

import io.kasumi.api.AwsException;
import io.kasumi.model.ServiceModel;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ResponseBody;
import io.kasumi.protocol.eventstream.EventPublisher;
import io.kasumi.protocol.eventstream.EventStreamDecoder;
import io.kasumi.protocol.eventstream.EventStreamMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.kasumi.protocol.cbor.CborTesting.tree;
import static org.assertj.core.api.Assertions.assertThat;

class RpcV2CborEventStreamTest {
    private static final ServiceModel MODEL = CborTesting.model("""
            {'metadata': {'protocol': 'smithy-rpc-v2-cbor', 'targetPrefix': 'Chat', 'serviceId': 'Chat'},
             'operations': {'Talk': {'name': 'Talk', 'output': {'shape': 'TalkOutput'}}},
             'shapes': {
               'TalkOutput': {'type': 'structure', 'members': {
                   'SessionId': {'shape': 'String'}, 'Events': {'shape': 'TalkEvents'}}},
               'TalkEvents': {'type': 'structure', 'union': true, 'eventstream': true, 'members': {
                   'Chunk': {'shape': 'Chunk'}, 'Throttled': {'shape': 'Throttled'}}},
               'Chunk': {'type': 'structure', 'event': true, 'members': {'Text': {'shape': 'String'}}},
               'Throttled': {'type': 'structure', 'exception': true, 'members': {'message': {'shape': 'String'}},
                   'error': {'httpStatusCode': 429, 'senderFault': true}},
               'String': {'type': 'string'}
             }}
            """);

    @Test
    void streamsAnInitialResponseThenCborEventsThenAnException() throws IOException {
        EventPublisher publisher = sink -> {
            sink.send("Chunk", Map.of("Text", "Hel"));
            sink.send("Chunk", Map.of("Text", "lo"));
            throw new AwsException("Throttled", "slow down", 429, true);
        };
        HttpResponse response = new RpcV2CborCodec().serializeResponse(MODEL, MODEL.operation("Talk"),
                Map.of("SessionId", "s-1", "Events", publisher), "r");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("Content-Type")).isEqualTo("application/vnd.amazon.eventstream");
        assertThat(response.headers().first("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((ResponseBody.Writer) response.body()).writer().writeTo(out);

        List<EventStreamMessage> messages = new EventStreamDecoder().feed(out.toByteArray());
        assertThat(messages).extracting(EventStreamMessage::eventType)
                .containsExactly("initial-response", "Chunk", "Chunk", null);
        assertThat(tree(messages.get(0).payload()).get("SessionId").asText()).isEqualTo("s-1");
        assertThat(messages.get(1).stringHeader(":content-type")).isEqualTo("application/cbor");
        assertThat(tree(messages.get(2).payload()).get("Text").asText()).isEqualTo("lo");
        assertThat(messages.get(3).stringHeader(":exception-type")).isEqualTo("Throttled");
        assertThat(tree(messages.get(3).payload()).get("message").asText()).isEqualTo("slow down");
    }
}
