package io.kasumi.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileBlobStoreTest {

    @TempDir
    Path dir;

    /** A deterministic body of any length, generated on the fly so it is never on the heap. */
    private static final class GeneratedBody extends InputStream {
        /** A prime length, so the pattern does not line up with buffer sizes. */
        private static final byte[] PATTERN = new byte[65_521];

        static {
            for (int i = 0; i < PATTERN.length; i++) {
                PATTERN[i] = (byte) (i * 31 + (i >>> 7));
            }
        }

        private final long length;
        private long position;

        GeneratedBody(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? PATTERN[(int) (position++ % PATTERN.length)] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= length) {
                return -1;
            }
            int offset = (int) (position % PATTERN.length);
            int n = (int) Math.min(Math.min(len, length - position), PATTERN.length - offset);
            System.arraycopy(PATTERN, offset, b, off, n);
            position += n;
            return n;
        }
    }

    private static long crc(InputStream in) throws IOException {
        try (in) {
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                crc.update(buffer, 0, n);
            }
            return crc.getValue();
        }
    }

    private static long allocatedByThisThread() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadAllocatedBytes();
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void streamsALargeBodyWithoutHoldingItOnTheHeap() throws IOException {
        long size = 64L << 20;
        // The ephemeral store: the same streaming path without fsyncing 64 MB.
        try (FileBlobStore blobs = FileBlobStore.temporary()) {
            long before = allocatedByThisThread();
            BlobId id = blobs.put(new GeneratedBody(size));
            long readCrc = crc(blobs.open(id));
            long allocated = allocatedByThisThread() - before;

            assertThat(allocated).as("bytes allocated to store and read 64 MB").isLessThan(4L << 20);
            assertThat(blobs.size(id)).isEqualTo(size);
            assertThat(readCrc).isEqualTo(crc(new GeneratedBody(size)));
        }
    }

    @Test
    void readsARangeOfABlob() throws IOException {
        try (FileBlobStore blobs = FileBlobStore.open(dir)) {
            BlobId id = blobs.put(new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.US_ASCII)));
            assertThat(read(blobs.open(id, 2, 3))).asString().isEqualTo("234");
            assertThat(read(blobs.open(id, 7, 100))).asString().isEqualTo("789");
            assertThat(read(blobs.open(id, 10, 5))).isEmpty();
            assertThat(read(blobs.open(id, 50, 5))).isEmpty();
            try (InputStream in = blobs.open(id, 1, 8)) {
                assertThat(in.read()).isEqualTo('1');
                assertThat(in.skip(2)).isEqualTo(2);
                assertThat(in.readAllBytes()).asString().isEqualTo("45678");
            }
            assertThatThrownBy(() -> blobs.open(id, -1, 3)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void deletesBlobs() throws IOException {
        try (FileBlobStore blobs = FileBlobStore.open(dir)) {
            BlobId id = blobs.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
            assertThat(blobs.delete(id)).isTrue();
            assertThat(blobs.delete(id)).isFalse();
            assertThatThrownBy(() -> blobs.open(id)).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> blobs.size(id)).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void aFailedUploadLeavesNothingBehind() throws IOException {
        try (FileBlobStore blobs = FileBlobStore.open(dir)) {
            InputStream failing = new InputStream() {
                private int served;

                @Override
                public int read() throws IOException {
                    if (served++ > 100_000) {
                        throw new IOException("client went away");
                    }
                    return 'x';
                }
            };
            assertThatThrownBy(() -> blobs.put(failing)).hasMessage("client went away");
            try (var files = Files.walk(dir)) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void durableBlobsSurviveReopenAndStaleUploadsAreRemoved() throws IOException {
        BlobId id;
        try (FileBlobStore blobs = FileBlobStore.open(dir)) {
            id = blobs.put(new ByteArrayInputStream(new byte[] {42}));
        }
        Path stale = dir.resolve("tmp").resolve("0123456789abcdef0123456789abcdef.part");
        Files.write(stale, new byte[] {1});

        try (FileBlobStore blobs = FileBlobStore.open(dir)) {
            assertThat(read(blobs.open(id))).containsExactly(42);
            assertThat(stale).doesNotExist();
        }
    }

    @Test
    void temporaryStoreDeletesItsDirectoryOnClose() throws IOException {
        FileBlobStore blobs = FileBlobStore.temporary();
        blobs.put(new ByteArrayInputStream(new byte[] {1}));
        Path root = blobs.root();
        assertThat(root).isDirectory();
        blobs.close();
        blobs.close();
        assertThat(root).doesNotExist();
        assertThatThrownBy(() -> blobs.put(InputStream.nullInputStream())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idsAreGeneratedAndCannotNameAPath() {
        assertThatThrownBy(() -> BlobId.of("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobId.of("0123456789ABCDEF0123456789ABCDEF")).isInstanceOf(IllegalArgumentException.class);
        assertThat(BlobId.random()).isNotEqualTo(BlobId.random());
        BlobId id = BlobId.random();
        assertThat(BlobId.of(id.value())).isEqualTo(id);
    }
}
