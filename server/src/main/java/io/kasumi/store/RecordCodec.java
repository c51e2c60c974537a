package io.kasumi.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How services keep their records (Java records of plain values) as store values: JSON, so a
 * data directory stays readable across versions that add fields. Thread-safe.
 */
public final class RecordCodec {
    private final ObjectMapper json = JsonMapper.builder().build();
    private final String owner;

    /** @param owner the service whose records these are, named when one is corrupt */
    public RecordCodec(String owner) {
        this.owner = owner;
    }

    public byte[] encode(Object record) {
        try {
            return json.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + owner + " record " + record.getClass().getSimpleName(), e);
        }
    }

    public <T> T decode(byte[] value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt " + owner + " record (" + type.getSimpleName() + ")", e);
        }
    }
}
