package io.kasumi.protocol.codec;

import io.kasumi.api.AwsException;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentEncodingsTest {

    private static HttpRequest request(String encoding, byte[] body) {
        HttpHeaders headers = encoding == null ? new HttpHeaders() : HttpHeaders.of("Content-Encoding", encoding);
        return HttpRequest.of("POST", "/", headers, body);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void decompressesGzipBodies() throws IOException {
        assertThat(ContentEncodings.decodedBodyBytes(request("gzip", gzip("metrics".getBytes())))).isEqualTo("metrics".getBytes());
        assertThat(ContentEncodings.decodedBodyBytes(request("aws-chunked, GZIP", gzip("x".getBytes())))).isEqualTo("x".getBytes());
    }

    @Test
    void leavesOtherBodiesAlone() {
        assertThat(ContentEncodings.decodedBodyBytes(request(null, "plain".getBytes()))).isEqualTo("plain".getBytes());
        assertThat(ContentEncodings.decodedBodyBytes(request("identity", "plain".getBytes()))).isEqualTo("plain".getBytes());
    }

    @Test
    void treatsAnEmptyGzipBodyAsEmpty() {
        assertThat(ContentEncodings.decodedBodyBytes(request("gzip", new byte[0]))).isEmpty();
    }

    @Test
    void rejectsDataThatIsNotGzipOrIsCutShort() throws IOException {
        byte[] whole = gzip("some metric data".getBytes());
        for (byte[] body : new byte[][]{"not gzip".getBytes(), {0x1f}, Arrays.copyOf(whole, whole.length - 6)}) {
            assertThatThrownBy(() -> ContentEncodings.decodedBodyBytes(request("gzip", body)))
                    .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));
        }
    }
}
