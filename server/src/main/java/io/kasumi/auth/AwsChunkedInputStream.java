package io.kasumi.auth;

import io.kasumi.protocol.HttpHeaders;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Decodes a {@code Content-Encoding: aws-chunked} body as it is read: {@code hex-size[;chunk-signature=sig]
 * CRLF data CRLF}, ending with a zero-size chunk and, for the *-TRAILER kinds, trailing headers.
 *
 * <p>Only one chunk's hash is kept, never the body. When a {@link SigningContext} is given each
 * chunk's signature is checked as the chunk ends, before any byte of the next one is returned,
 * and the trailer signature before end of stream: a consumer that commits only at end of stream
 * never commits unverified data. The trailing headers are available from {@link #trailers()}
 * once the stream is consumed.
 */
public final class AwsChunkedInputStream extends InputStream {
    private static final int MAX_LINE = 4096;
    private static final int MAX_TRAILER_LINES = 64;
    private static final int MIN_CHUNK_SIZE = 8192;
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private final InputStream in;
    private final StreamingPayload kind;
    private final long decodedLength;
    private final SigningContext signing;
    private final AuthErrors errors;
    private final boolean strictChunkSizes;
    private final HttpHeaders trailers = new HttpHeaders();
    private final MessageDigest chunkDigest = SigV4Crypto.sha256();

    private String previousSignature;
    private String chunkSignature;
    private long remainingInChunk;
    private boolean inChunk;
    private boolean finished;
    private long decoded;
    private int chunkCount;
    private long lastChunkSize = -1;

    /**
     * @param decodedLength x-amz-decoded-content-length, or -1 when not sent
     * @param signing the verified seed signature to check chunk signatures against, or null not to check them
     * @param strictChunkSizes refuse non-final chunks below 8 KiB as S3 does
     */
    AwsChunkedInputStream(InputStream in, StreamingPayload kind, long decodedLength, SigningContext signing,
                          AuthErrors errors, boolean strictChunkSizes) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 16384);
        this.kind = kind;
        this.decodedLength = decodedLength;
        this.signing = kind.hmacSigned() ? signing : null;
        this.errors = errors;
        this.strictChunkSizes = strictChunkSizes;
        this.previousSignature = signing == null ? null : signing.seedSignature();
    }

    /** A decoder that checks framing and lengths but no signatures. */
    public static AwsChunkedInputStream unverified(InputStream in, StreamingPayload kind, long decodedLength) {
        return new AwsChunkedInputStream(in, kind, decodedLength, null, AuthErrors.S3, false);
    }

    public StreamingPayload kind() {
        return kind;
    }

    /** The trailing headers (e.g. x-amz-checksum-crc32), complete once the stream has been read to its end. */
    public HttpHeaders trailers() {
        return trailers;
    }

    /** The decoded length, x-amz-decoded-content-length, or -1 when unknown. */
    public long decodedLength() {
        return decodedLength;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (remainingInChunk == 0) {
            if (finished) {
                return -1;
            }
            nextChunk();
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
        if (n < 0) {
            throw errors.incompleteBody();
        }
        chunkDigest.update(buffer, offset, n);
        remainingInChunk -= n;
        decoded += n;
        if (decodedLength >= 0 && decoded > decodedLength) {
            throw errors.incompleteBody();
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(remainingInChunk, in.available());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Ends the current chunk (CRLF, signature), then reads the next chunk header. */
    private void nextChunk() throws IOException {
        if (inChunk) {
            String endOfData = readLine();
            if (endOfData == null || !endOfData.isEmpty()) {
                throw errors.incompleteBody();
            }
            verifyChunk();
            inChunk = false;
        }
        String header = readLine();
        if (header == null) {
            throw errors.incompleteBody();
        }
        int semicolon = header.indexOf(';');
        long size = parseSize(semicolon < 0 ? header : header.substring(0, semicolon));
        chunkSignature = semicolon < 0 ? null : extension(header.substring(semicolon + 1), "chunk-signature");
        chunkCount++;
        if (strictChunkSizes && size > 0 && lastChunkSize >= 0 && lastChunkSize < MIN_CHUNK_SIZE) {
            throw errors.invalidChunkSize(chunkCount - 1, lastChunkSize);
        }
        lastChunkSize = size;
        chunkDigest.reset();
        if (size > 0) {
            remainingInChunk = size;
            inChunk = true;
            return;
        }
        verifyChunk();
        if (kind.hasTrailer()) {
            readTrailers();
        } else {
            String end = readLine();
            if (end != null && !end.isEmpty()) {
                throw errors.incompleteBody();
            }
        }
        if (decodedLength >= 0 && decoded != decodedLength) {
            throw errors.incompleteBody();
        }
        finished = true;
    }

    private long parseSize(String hex) {
        String trimmed = hex.strip();
        if (trimmed.isEmpty() || trimmed.length() > 15) {
            throw errors.incompleteBody();
        }
        try {
            return Long.parseLong(trimmed, 16);
        } catch (NumberFormatException e) {
            throw errors.incompleteBody();
        }
    }

    private static String extension(String extensions, String name) {
        for (String part : extensions.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).strip();
            }
        }
        return null;
    }

    private void verifyChunk() {
        if (signing == null) {
            return;
        }
        String expected = signing.chainedSignature(previousSignature, SigV4Crypto.hex(chunkDigest.digest()), false);
        if (!SigV4Crypto.signaturesEqual(expected, chunkSignature)) {
            throw errors.signatureMismatch();
        }
        previousSignature = expected;
    }

    /** Trailing "name:value" lines up to an empty line (or the end of the body). */
    private void readTrailers() throws IOException {
        StringBuilder canonical = new StringBuilder();
        String trailerSignature = null;
        for (int lines = 0; ; lines++) {
            String line = readLine();
            if (line == null || line.isEmpty()) {
                break;
            }
            if (lines >= MAX_TRAILER_LINES) {
                throw errors.incompleteBody();
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw errors.incompleteBody();
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals(TRAILER_SIGNATURE)) {
                trailerSignature = value;
            } else {
                trailers.add(name, value);
                canonical.append(name).append(':').append(value).append('\n');
            }
        }
        if (signing != null) {
            String expected = signing.chainedSignature(previousSignature, SigV4Crypto.sha256Hex(canonical.toString()), true);
            if (!SigV4Crypto.signaturesEqual(expected, trailerSignature)) {
                throw errors.signatureMismatch();
            }
        }
    }

    /** A CRLF-terminated line without its terminator; null at end of stream before any byte. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(80);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw errors.incompleteBody();
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw errors.incompleteBody();
            }
            line.write(b);
        }
    }
}
