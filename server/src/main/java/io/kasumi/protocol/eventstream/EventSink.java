package io.kasumi.protocol.eventstream;

import java.io.IOException;
import java.util.Map;

/** Where a service sends the events of an event-stream result, one at a time. */
@FunctionalInterface
public interface EventSink {

    /**
     * Sends one event.
     *
     * @param member the event-stream union member naming the event, e.g. "Records" or "ContentBlockDelta"
     * @param event the event structure's value tree
     * @throws IOException when the client has gone away
     */
    void send(String member, Map<String, Object> event) throws IOException;
}
