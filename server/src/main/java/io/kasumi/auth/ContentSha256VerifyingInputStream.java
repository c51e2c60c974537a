package io.kasumi.auth;

import io.kasumi.api.AwsException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Passes a body through while hashing it, and fails at its end when it does not match the
 * x-amz-content-sha256 that was signed, so a body is checked without being buffered.
 */
final class ContentSha256VerifyingInputStream extends FilterInputStream {
    private final MessageDigest digest = SigV4Crypto.sha256();
    private final byte[] expected;
    private final Supplier<AwsException> mismatch;
    private boolean checked;

    ContentSha256VerifyingInputStream(InputStream in, String expectedHex, Supplier<AwsException> mismatch) {
        super(in);
        this.expected = HexFormat.of().parseHex(expectedHex);
        this.mismatch = mismatch;
    }

    /** Whether the value is a literal SHA-256 (64 hex digits) rather than a keyword. */
    static boolean isHexSha256(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            finish();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            finish();
        } else {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return readAndDiscard(n);
    }

    private long readAndDiscard(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void finish() {
        if (!checked) {
            checked = true;
            if (!MessageDigest.isEqual(expected, digest.digest())) {
                throw mismatch.get();
            }
        }
    }
}
