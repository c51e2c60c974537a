package io.kasumi.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** What a response carries after its headers. */
public sealed interface ResponseBody {

    ResponseBody EMPTY = new Empty();

    record Empty() implements ResponseBody {
    }

    record Bytes(byte[] bytes) implements ResponseBody {
    }

    /** A streamed body; length -1 means chunked. */
    record Stream(InputStream stream, long length) implements ResponseBody {
    }

    /** A body written incrementally, e.g. event-stream frames as they are produced. */
    record Writer(BodyWriter writer) implements ResponseBody {
    }

    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
