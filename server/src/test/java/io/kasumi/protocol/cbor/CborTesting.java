package io.kasumi.protocol.cbor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;

/** Helpers for CBOR tests: hex vectors, small models written inline, CBOR as comparable trees. */
final class CborTesting {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();
    static final CBORFactory FACTORY = CborFactories.standard();

    private CborTesting() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    /** A botocore-format model from JSON text with single quotes for readability. */
    @SuppressWarnings("unchecked")
    static ServiceModel model(String json) {
        try {
            return ServiceModelLoader.fromTree("test", JSON.readValue(json.replace('\'', '"'), Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CBOR data model of the bytes, for comparing encodings that may differ in lengths or order. */
    static JsonNode tree(byte[] cbor) {
        try {
            return CBOR.readTree(cbor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface Writing {
        void writeTo(CBORGenerator generator) throws IOException;
    }

    static byte[] cbor(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = FACTORY.createGenerator(out)) {
            writing.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
