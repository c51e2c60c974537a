package io.kasumi.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StoresTest {

    @TempDir
    Path dir;

    @Test
    void withoutADataDirectoryEverythingIsEphemeral() throws IOException {
        Path blobRoot;
        try (Stores stores = Stores.open(null)) {
            assertThat(stores.kv()).isInstanceOf(InMemoryStore.class);
            blobRoot = ((FileBlobStore) stores.blobs()).root();
            stores.blobs().put(new ByteArrayInputStream(new byte[] {1}));
        }
        assertThat(blobRoot).doesNotExist();
    }

    @Test
    void aDataDirectoryKeepsStateAcrossRestarts() throws IOException {
        byte[] key = Keys.of("s3", "000000000000", "us-east-1", "bucket", "photos/cat.jpg");
        try (Stores stores = Stores.open(dir)) {
            assertThat(stores.kv()).isInstanceOf(RocksDbStore.class);
            BlobId body = stores.blobs().put(new ByteArrayInputStream("meow".getBytes(StandardCharsets.UTF_8)));
            stores.kv().put(key, body.value().getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(dir.resolve("kv")).isDirectory();
        assertThat(dir.resolve("blobs")).isDirectory();

        try (Stores stores = Stores.open(dir)) {
            BlobId body = BlobId.of(new String(stores.kv().get(key), StandardCharsets.US_ASCII));
            try (InputStream in = stores.blobs().open(body)) {
                assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("meow");
            }
        }
    }
}
