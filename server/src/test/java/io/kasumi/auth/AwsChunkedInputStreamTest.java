package io.kasumi.auth;

import io.kasumi.api.AwsException;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

import static io.kasumi.auth.SdkSigning.NOW;
import static io.kasumi.auth.SdkSigning.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AwsChunkedInputStreamTest {
    private static final byte[] CONTENT = randomBytes(300_000);

    private final CredentialRegistry registry = CredentialRegistry.withDefaults();
    private final Authenticator verifying = new Authenticator(registry, clockAt(NOW), AuthMode.VERIFY);
    private final Authenticator off = new Authenticator(registry, clockAt(NOW), AuthMode.OFF);

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static SdkSigning upload(boolean signedChunks, boolean trailer) {
        return SdkSigning.request("PUT", "s3.amazonaws.com", "/bucket/big%20object").service("s3")
                .header("Content-Encoding", "aws-chunked")
                .body(CONTENT)
                .chunked(signedChunks, trailer ? DefaultChecksumAlgorithm.CRC32 : null);
    }

    private static String crc32Base64(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] readAll(HttpRequest request) throws IOException {
        try (InputStream in = request.body()) {
            return in.readAllBytes();
        }
    }

    /** The same request with its (encoded) body replaced. */
    private static HttpRequest withBody(HttpRequest request, byte[] body) {
        return HttpRequest.of(request.method(), request.rawPath(), request.headers(), body);
    }

    private static byte[] encodedBody(HttpRequest request) throws IOException {
        return request.body().readAllBytes();
    }

    private static byte[] replaceFirst(byte[] data, String from, String to) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesAndVerifiesSignedChunks() throws IOException {
        HttpRequest request = upload(true, false).toKasumi();
        assertThat(request.headers().first("x-amz-content-sha256")).isEqualTo("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");

        verifying.authenticate(request);

        assertThat(request.body()).isInstanceOf(AwsChunkedInputStream.class);
        assertThat(readAll(request)).isEqualTo(CONTENT);
    }

    @Test
    void decodesSignedChunksWithSignedTrailer() throws IOException {
        HttpRequest request = upload(true, true).toKasumi();
        assertThat(request.headers().first("x-amz-content-sha256")).isEqualTo("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");

        verifying.authenticate(request);
        AwsChunkedInputStream body = (AwsChunkedInputStream) request.body();

        assertThat(body.readAllBytes()).isEqualTo(CONTENT);
        assertThat(body.trailers().first("x-amz-checksum-crc32")).isEqualTo(crc32Base64(CONTENT));
        assertThat(body.trailers().contains("x-amz-trailer-signature")).isFalse();
    }

    @Test
    void decodesUnsignedChunksWithTrailer() throws IOException {
        HttpRequest request = upload(false, true).toKasumi();
        assertThat(request.headers().first("x-amz-content-sha256")).isEqualTo("STREAMING-UNSIGNED-PAYLOAD-TRAILER");

        verifying.authenticate(request);
        AwsChunkedInputStream body = (AwsChunkedInputStream) request.body();

        assertThat(body.readAllBytes()).isEqualTo(CONTENT);
        assertThat(body.trailers().first("x-amz-checksum-crc32")).isEqualTo(crc32Base64(CONTENT));
    }

    @Test
    void rejectsTamperedChunkData() throws IOException {
        HttpRequest signed = upload(true, false).toKasumi();
        byte[] encoded = encodedBody(signed);
        int firstData = new String(encoded, 0, 200, StandardCharsets.ISO_8859_1).indexOf("\r\n") + 2;
        encoded[firstData + 10] ^= 1;
        HttpRequest tampered = withBody(signed, encoded);

        verifying.authenticate(tampered);
        AwsException error = catchThrowableOfType(AwsException.class, () -> readAll(tampered));

        assertThat(error.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.httpStatus()).isEqualTo(403);
    }

    @Test
    void offModeDecodesTamperedChunksWithoutComplaint() throws IOException {
        HttpRequest signed = upload(true, false).toKasumi();
        byte[] encoded = encodedBody(signed);
        int firstData = new String(encoded, 0, 200, StandardCharsets.ISO_8859_1).indexOf("\r\n") + 2;
        encoded[firstData] ^= 1;
        HttpRequest tampered = withBody(signed, encoded);

        off.authenticate(tampered);

        assertThat(readAll(tampered)).hasSameSizeAs(CONTENT);
    }

    @Test
    void rejectsTamperedTrailer() throws IOException {
        HttpRequest signed = upload(true, true).toKasumi();
        byte[] encoded = replaceFirst(encodedBody(signed), "x-amz-checksum-crc32:" + crc32Base64(CONTENT),
                "x-amz-checksum-crc32:AAAAAA==");
        HttpRequest tampered = withBody(signed, encoded);

        verifying.authenticate(tampered);
        AwsException error = catchThrowableOfType(AwsException.class, () -> readAll(tampered));

        assertThat(error.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void rejectsTruncatedBody() throws IOException {
        HttpRequest signed = upload(false, true).toKasumi();
        byte[] encoded = encodedBody(signed);
        HttpRequest truncated = withBody(signed, Arrays.copyOf(encoded, encoded.length / 2));

        verifying.authenticate(truncated);
        AwsException error = catchThrowableOfType(AwsException.class, () -> readAll(truncated));

        assertThat(error.code()).isEqualTo("IncompleteBody");
        assertThat(error.httpStatus()).isEqualTo(400);
    }

    @Test
    void rejectsBodyShorterThanDecodedContentLength() {
        byte[] framed = "5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream in = AwsChunkedInputStream.unverified(new ByteArrayInputStream(framed), StreamingPayload.UNSIGNED_WITH_TRAILER, 6);

        assertThat(catchThrowableOfType(AwsException.class, in::readAllBytes).code()).isEqualTo("IncompleteBody");
    }

    @Test
    void rejectsNonHexChunkSize() {
        byte[] framed = "zz\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream in = AwsChunkedInputStream.unverified(new ByteArrayInputStream(framed), StreamingPayload.UNSIGNED_WITH_TRAILER, -1);

        assertThat(catchThrowableOfType(AwsException.class, in::readAllBytes).code()).isEqualTo("IncompleteBody");
    }

    @Test
    void rejectsMissingChunkTerminator() {
        byte[] framed = "5\r\nhelloXX0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream in = AwsChunkedInputStream.unverified(new ByteArrayInputStream(framed), StreamingPayload.UNSIGNED_WITH_TRAILER, -1);

        assertThat(catchThrowableOfType(AwsException.class, in::readAllBytes).code()).isEqualTo("IncompleteBody");
    }

    @Test
    void decodesHandWrittenUnsignedFramesWithTrailers() throws IOException {
        byte[] framed = "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        AwsChunkedInputStream in = AwsChunkedInputStream.unverified(new ByteArrayInputStream(framed), StreamingPayload.UNSIGNED_WITH_TRAILER, 11);

        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(in.trailers().first("x-amz-checksum-crc32")).isEqualTo("DUoRhQ==");
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void strictDecodingRefusesSmallChunksBeforeTheLast() {
        byte[] framed = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(framed), StreamingPayload.UNSIGNED_WITH_TRAILER, 11,
                null, AuthErrors.S3, true);

        AwsException error = catchThrowableOfType(AwsException.class, in::readAllBytes);

        assertThat(error.code()).isEqualTo("InvalidChunkSizeError");
        assertThat(error.getMessage()).isEqualTo("Only the last chunk is allowed to have a size less than 8192 bytes");
    }

    @Test
    void unsignedChunkedUploadIsDecodedForAnonymousRequests() throws IOException {
        byte[] framed = "5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.of("PUT", "/bucket/key", HttpHeaders.of("Host", "s3.amazonaws.com",
                "Content-Encoding", "aws-chunked", "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                "x-amz-decoded-content-length", "5"), framed);

        off.authenticate(request, AuthErrors.S3, true);

        assertThat(readAll(request)).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
    }
}
