package io.kasumi.auth;

import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Signs requests with the AWS SDK v2's own SigV4 signer and turns them into Kasumi requests. */
final class SdkSigning {
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final SdkHttpRequest.Builder request = SdkHttpRequest.builder().protocol("https");
    private String service = "sts";
    private String region = "us-east-1";
    private AwsCredentialsIdentity identity = AwsCredentialsIdentity.create("test", "test");
    private byte[] body = new byte[0];
    private Instant signingTime = NOW;
    private Duration presignedFor;
    private boolean chunked;
    private boolean payloadSigning = true;
    private ChecksumAlgorithm checksum;

    private SdkSigning(SdkHttpMethod method, String host, String encodedPath) {
        request.method(method).host(host).encodedPath(encodedPath);
    }

    static SdkSigning request(String method, String host, String encodedPath) {
        return new SdkSigning(SdkHttpMethod.fromValue(method), host, encodedPath);
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Each path segment percent-encoded the way SDK marshallers do. */
    static String encodePath(List<String> segments) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/').append(SdkHttpUtils.urlEncode(segment));
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    SdkSigning service(String value) {
        this.service = value;
        return this;
    }

    SdkSigning region(String value) {
        this.region = value;
        return this;
    }

    SdkSigning credentials(String accessKey, String secretKey) {
        this.identity = AwsCredentialsIdentity.create(accessKey, secretKey);
        return this;
    }

    SdkSigning sessionCredentials(String accessKey, String secretKey, String token) {
        this.identity = AwsSessionCredentialsIdentity.create(accessKey, secretKey, token);
        return this;
    }

    SdkSigning query(String name, String value) {
        request.appendRawQueryParameter(name, value);
        return this;
    }

    SdkSigning header(String name, String value) {
        request.appendHeader(name, value);
        return this;
    }

    SdkSigning body(byte[] value) {
        this.body = value;
        request.putHeader("Content-Length", Integer.toString(value.length));
        return this;
    }

    SdkSigning at(Instant instant) {
        this.signingTime = instant;
        return this;
    }

    SdkSigning presigned(Duration lifetime) {
        this.presignedFor = lifetime;
        return this;
    }

    /** aws-chunked with signed chunks, or unsigned chunks when payload signing is off; a trailer with a checksum. */
    SdkSigning chunked(boolean signedChunks, ChecksumAlgorithm trailerChecksum) {
        this.chunked = true;
        this.payloadSigning = signedChunks;
        this.checksum = trailerChecksum;
        return this;
    }

    SdkSigning unsignedPayload() {
        this.payloadSigning = false;
        return this;
    }

    SignedRequest signed() {
        boolean s3 = service.equals("s3");
        return AwsV4HttpSigner.create().sign(r -> {
            r.identity(identity)
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, clockAt(signingTime))
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !s3)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !s3)
                    // S3 presigned URLs never sign the payload (the SDK's S3 presigner turns it off too).
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning && !(s3 && presignedFor != null))
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, chunked);
            if (checksum != null) {
                r.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, checksum);
            }
            if (presignedFor != null) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, presignedFor);
            }
        });
    }

    /** The signed request as the server would receive it. */
    HttpRequest toKasumi() {
        return toKasumi(signed());
    }

    static HttpRequest toKasumi(SignedRequest signed) {
        SdkHttpRequest sdk = signed.request();
        HttpHeaders headers = new HttpHeaders();
        for (Map.Entry<String, List<String>> field : sdk.headers().entrySet()) {
            field.getValue().forEach(v -> headers.add(field.getKey(), v));
        }
        if (!headers.contains("Host")) {
            headers.add("Host", sdk.host());
        }
        String query = SdkHttpUtils.encodeAndFlattenQueryParameters(sdk.rawQueryParameters()).orElse(null);
        String pathAndQuery = sdk.encodedPath() + (query == null ? "" : "?" + query);
        return HttpRequest.of(sdk.method().name(), pathAndQuery, headers, payloadBytes(signed));
    }

    static byte[] payloadBytes(SignedRequest signed) {
        return signed.payload().map(p -> {
            try (InputStream in = p.newStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(new byte[0]);
    }
}
