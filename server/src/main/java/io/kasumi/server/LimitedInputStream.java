package io.kasumi.server;

import io.kasumi.api.AwsException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that refuses to grow past a limit, however it is framed (length or chunked).
 * A declared Content-Length over the limit is refused before a byte is read, so a client that
 * sent {@code Expect: 100-continue} never uploads the body.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long declaredLength;
    private long limit;
    private long consumed;

    /** @param declaredLength the Content-Length, or -1 when the body is chunked */
    LimitedInputStream(InputStream in, long limit, long declaredLength) {
        super(in);
        this.limit = limit;
        this.declaredLength = declaredLength;
    }

    /** Lets the body grow to a larger limit, e.g. once the operation is known to stream. */
    void raiseLimit(long newLimit) {
        limit = Math.max(limit, newLimit);
    }

    @Override
    public int read() throws IOException {
        checkDeclared();
        int b = super.read();
        if (b >= 0) {
            consume(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkDeclared();
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            consume(n);
        }
        return n;
    }

    private void checkDeclared() {
        if (declaredLength > limit) {
            throw tooLarge();
        }
    }

    private void consume(long n) {
        consumed += n;
        if (consumed > limit) {
            throw tooLarge();
        }
    }

    private AwsException tooLarge() {
        return new AwsException("RequestEntityTooLarge",
                "Request body is larger than the maximum of " + limit + " bytes for this operation", 413, true);
    }
}
