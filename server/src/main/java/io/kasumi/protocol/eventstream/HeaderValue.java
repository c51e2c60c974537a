package io.kasumi.protocol.eventstream;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** A typed event-stream header value; each kind has its own wire type id. */
public sealed interface HeaderValue {

    /** The wire type id (boolean true 0, false 1, byte 2 ... uuid 9). */
    int typeId();

    /** The plain Java value: Boolean, Byte, Short, Integer, Long, byte[], String, Instant or UUID. */
    Object value();

    record BoolValue(boolean bool) implements HeaderValue {
        @Override
        public int typeId() {
            return bool ? 0 : 1;
        }

        @Override
        public Object value() {
            return bool;
        }
    }

    record ByteValue(byte number) implements HeaderValue {
        @Override
        public int typeId() {
            return 2;
        }

        @Override
        public Object value() {
            return number;
        }
    }

    record ShortValue(short number) implements HeaderValue {
        @Override
        public int typeId() {
            return 3;
        }

        @Override
        public Object value() {
            return number;
        }
    }

    record IntValue(int number) implements HeaderValue {
        @Override
        public int typeId() {
            return 4;
        }

        @Override
        public Object value() {
            return number;
        }
    }

    record LongValue(long number) implements HeaderValue {
        @Override
        public int typeId() {
            return 5;
        }

        @Override
        public Object value() {
            return number;
        }
    }

    /** At most 32767 bytes (a 2-byte signed length on the wire). */
    record BytesValue(byte[] bytes) implements HeaderValue {
        public BytesValue {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public int typeId() {
            return 6;
        }

        @Override
        public Object value() {
            return bytes();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BytesValue that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "BytesValue[" + bytes.length + " bytes]";
        }
    }

    record StringValue(String text) implements HeaderValue {
        @Override
        public int typeId() {
            return 7;
        }

        @Override
        public Object value() {
            return text;
        }
    }

    /** Millisecond precision on the wire; finer parts are dropped when encoded. */
    record TimestampValue(Instant instant) implements HeaderValue {
        public TimestampValue {
            instant = Instant.ofEpochMilli(instant.toEpochMilli());
        }

        @Override
        public int typeId() {
            return 8;
        }

        @Override
        public Object value() {
            return instant;
        }
    }

    record UuidValue(UUID uuid) implements HeaderValue {
        @Override
        public int typeId() {
            return 9;
        }

        @Override
        public Object value() {
            return uuid;
        }
    }

    static HeaderValue of(String text) {
        return new StringValue(text);
    }
}
