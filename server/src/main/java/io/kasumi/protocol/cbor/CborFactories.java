package io.kasumi.protocol.cbor;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;

/** Jackson CBOR factories configured for AWS's CBOR dialects. */
public final class CborFactories {
    private CborFactories() {
    }

    /**
     * A factory that reads and writes negative bignums (tag 3) as RFC 8949 defines them
     * (-1 - n); Jackson's compatibility default is off by one.
     */
    public static CBORFactory standard() {
        return CBORFactory.builder()
                .enable(CBORParser.Feature.DECODE_USING_STANDARD_NEGATIVE_BIGINT_ENCODING)
                .enable(CBORGenerator.Feature.ENCODE_USING_STANDARD_NEGATIVE_BIGINT_ENCODING)
                .build();
    }
}
