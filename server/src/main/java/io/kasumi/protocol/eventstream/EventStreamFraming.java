package io.kasumi.protocol.eventstream;

/** Sizes of the event-stream wire format. */
final class EventStreamFraming {
    /** total length, headers length, prelude CRC. */
    static final int PRELUDE_LENGTH = 12;
    static final int MESSAGE_CRC_LENGTH = 4;
    static final int MIN_MESSAGE_LENGTH = PRELUDE_LENGTH + MESSAGE_CRC_LENGTH;
    static final int MAX_HEADERS_LENGTH = 128 * 1024;
    static final int MAX_PAYLOAD_LENGTH = 24 * 1024 * 1024;

    private EventStreamFraming() {
    }
}
