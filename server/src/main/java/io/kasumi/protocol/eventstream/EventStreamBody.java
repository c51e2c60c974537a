package io.kasumi.protocol.eventstream;

import io.kasumi.api.AwsException;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.ResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A response body that streams event-stream messages as a service produces them: the initial
 * messages first, then each published event, flushed one by one so clients see them at once.
 */
public final class EventStreamBody {
    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    private EventStreamBody() {
    }

    /**
     * @param stream the event-stream union shape
     * @param initial messages sent before any event (e.g. the RPC initial-response)
     * @param publisher the service's event source; null for a stream with no events
     */
    public static ResponseBody.Writer of(EventStreamWriter writer, StructureShape stream,
                                         List<EventStreamMessage> initial, EventPublisher publisher) {
        return new ResponseBody.Writer(out -> {
            for (EventStreamMessage message : initial) {
                EventStreamEncoder.write(message, out);
            }
            out.flush();
            if (publisher == null) {
                return;
            }
            try {
                publisher.publish((member, event) -> send(out, writer.event(stream, member, event)));
            } catch (AwsException e) {
                send(out, writer.error(stream, e));
            } catch (RuntimeException e) {
                // the headers are gone already: the stream itself must say that it failed
                send(out, writer.error(stream, AwsException.internal("event stream failed: " + e.getMessage())));
            }
        });
    }

    private static void send(OutputStream out, EventStreamMessage message) throws IOException {
        EventStreamEncoder.write(message, out);
        out.flush();
    }
}
