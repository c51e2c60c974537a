package io.kasumi.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** The one Jackson factory the JSON codecs share: strict JSON in, plain decimals out. Immutable. */
final class JsonFormat {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonFormat() {
    }
}
