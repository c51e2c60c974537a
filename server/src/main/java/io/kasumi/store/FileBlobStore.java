package io.kasumi.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Blobs as files: {@code ROOT/ab/abcdef...} (sharded by the id's first two digits) with uploads in
 * progress under {@code ROOT/tmp}. A put streams to a temporary file and renames it atomically into
 * place, so a reader never sees a partial blob. Durable stores fsync the file and the directory before
 * acknowledging, so a key-value record written after {@code put} returns never points at a blob that
 * a power loss took away; the worst a crash leaves is an orphan blob or a stale temporary file, and
 * temporaries are removed on open.
 */
public final class FileBlobStore implements BlobStore {

    private final Path root;
    private final Path tmp;
    private final boolean durable;
    private volatile boolean closed;

    private FileBlobStore(Path root, boolean durable) throws IOException {
        this.root = root;
        this.tmp = root.resolve("tmp");
        this.durable = durable;
        Files.createDirectories(tmp);
        removeLeftovers();
    }

    /** A durable store in dir (created if needed). */
    public static FileBlobStore open(Path dir) throws IOException {
        return new FileBlobStore(dir, true);
    }

    /** An ephemeral store in a new temporary directory, deleted on close. */
    public static FileBlobStore temporary() throws IOException {
        return new FileBlobStore(Files.createTempDirectory("kasumi-blobs-"), false);
    }

    /** Where the blobs live. */
    public Path root() {
        return root;
    }

    @Override
    public BlobId put(InputStream body) throws IOException {
        ensureOpen();
        BlobId id = BlobId.random();
        Path part = tmp.resolve(id.value() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.transferTo(Channels.newOutputStream(channel));
                if (durable) {
                    channel.force(true);
                }
            }
            Path target = pathOf(id);
            Path shard = target.getParent();
            boolean newShard = Files.notExists(shard);
            if (newShard) {
                Files.createDirectories(shard);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            if (durable) {
                if (newShard) {
                    syncDirectory(root);
                }
                syncDirectory(shard);
            }
            return id;
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        ensureOpen();
        return Files.newInputStream(pathOf(id));
    }

    @Override
    public InputStream open(BlobId id, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad range: offset " + offset + ", length " + length);
        }
        ensureOpen();
        FileChannel channel = FileChannel.open(pathOf(id), StandardOpenOption.READ);
        try {
            long available = Math.max(0, channel.size() - offset);
            return new RangeStream(channel, offset, Math.min(length, available));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size(BlobId id) throws IOException {
        ensureOpen();
        return Files.size(pathOf(id));
    }

    @Override
    public boolean delete(BlobId id) throws IOException {
        ensureOpen();
        return Files.deleteIfExists(pathOf(id));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!durable) {
            try {
                deleteTree(root);
            } catch (IOException e) {
                throw new StoreException("cannot delete temporary blob directory " + root, e);
            }
        }
    }

    private Path pathOf(BlobId id) {
        String value = id.value();
        return root.resolve(value.substring(0, 2)).resolve(value);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("blob store is closed");
        }
    }

    /** Uploads a crash interrupted; nothing refers to them. */
    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "*.part")) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** Makes a rename in the directory durable. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; NTFS journals the rename itself.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.notExists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A window of a file, read with positional reads so no shared position is involved. */
    private static final class RangeStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private long remaining;

        RangeStream(FileChannel channel, long position, long length) {
            this.channel = channel;
            this.position = position;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
            if (n < 0) {
                remaining = 0;
                return -1;
            }
            position += n;
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, remaining));
            position += skipped;
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(remaining, Integer.MAX_VALUE);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
