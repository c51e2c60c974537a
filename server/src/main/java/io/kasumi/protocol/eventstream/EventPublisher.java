package io.kasumi.protocol.eventstream;

import java.io.IOException;

/**
 * The value a service puts in its result for an event-stream member: it produces the events
 * while the response is being written. Throwing an {@code AwsException} ends the stream with an
 * exception event (modeled errors) or an error message.
 */
@FunctionalInterface
public interface EventPublisher {

    void publish(EventSink sink) throws IOException;
}
