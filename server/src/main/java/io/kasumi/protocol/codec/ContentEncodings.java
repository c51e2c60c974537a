package io.kasumi.protocol.codec;

import io.kasumi.protocol.HttpRequest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Undoes the request compression AWS SDKs apply (the model's "requestcompression" trait, e.g.
 * CloudWatch PutMetricData sends {@code Content-Encoding: gzip}).
 */
public final class ContentEncodings {
    private ContentEncodings() {
    }

    /** True when the request's Content-Encoding lists gzip. */
    public static boolean isGzipped(HttpRequest request) {
        for (String value : request.headers().all("Content-Encoding")) {
            for (String token : value.split(",")) {
                if (token.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The body with gzip undone when the request says so; a body that is not gzip is a SerializationException. */
    public static InputStream decodedBody(HttpRequest request) {
        InputStream body = request.body();
        if (!isGzipped(request)) {
            return body;
        }
        try {
            BufferedInputStream buffered = new BufferedInputStream(body);
            buffered.mark(2);
            if (buffered.read() == -1) {
                return InputStream.nullInputStream();
            }
            buffered.reset();
            return new GZIPInputStream(buffered);
        } catch (ZipException | EOFException e) {
            throw CodecErrors.serialization("request body is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole decoded body; corrupt gzip data is a SerializationException. */
    public static byte[] decodedBodyBytes(HttpRequest request) {
        if (!isGzipped(request)) {
            return request.bodyBytes();
        }
        try (InputStream in = decodedBody(request)) {
            return in.readAllBytes();
        } catch (ZipException | EOFException e) {
            throw CodecErrors.serialization("request body is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
