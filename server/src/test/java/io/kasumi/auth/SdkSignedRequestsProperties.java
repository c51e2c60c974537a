package io.kasumi.auth;

import io.kasumi.protocol.HttpRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.kasumi.auth.SdkSigning.NOW;
import static io.kasumi.auth.SdkSigning.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the SDK signs, the verifier accepts. */
class SdkSignedRequestsProperties {

    record Shape(String method, String service, List<String> pathSegments, Map<String, String> query,
                 Map<String, String> headers, String body, boolean presigned) {
    }

    @Property(tries = 300)
    void anySdkSignedRequestVerifies(@ForAll("requests") Shape shape) {
        SdkSigning signing = SdkSigning.request(shape.method(), shape.service() + ".amazonaws.com",
                SdkSigning.encodePath(shape.pathSegments())).service(shape.service());
        shape.query().forEach(signing::query);
        shape.headers().forEach((name, value) -> signing.header("X-Amz-Meta-" + name, value));
        if (!shape.body().isEmpty()) {
            signing.body(shape.body().getBytes(StandardCharsets.UTF_8));
        }
        if (shape.presigned()) {
            signing.presigned(java.time.Duration.ofMinutes(10));
        }
        HttpRequest request = signing.toKasumi();

        Authenticator authenticator = new Authenticator(CredentialRegistry.withDefaults(), clockAt(NOW), AuthMode.VERIFY);

        assertThat(authenticator.authenticate(request).accessKeyId()).isEqualTo("test");
    }

    @Provide
    Arbitrary<Shape> requests() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12)
                .filter(SdkSignedRequestsProperties::isWellFormed);
        Arbitrary<String> segment = Arbitraries.oneOf(text, Arbitraries.of("", ".", "..", "a+b", "a%2Fb", "~x", "key with space"));
        Arbitrary<String> headerName = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> headerValue = Arbitraries.strings().withChars(" \tabcXYZ019-_.:;,=/").ofMaxLength(16);
        return Combinators.combine(
                Arbitraries.of("GET", "PUT", "POST", "DELETE", "HEAD"),
                Arbitraries.of("s3", "sts", "lambda", "execute-api"),
                segment.list().ofMaxSize(4),
                // The SDK leaves parameters with an empty name out of its canonical query; AWS's own clients never send them.
                Arbitraries.maps(text.filter(k -> !k.isEmpty()), text).ofMaxSize(4),
                Arbitraries.maps(headerName, headerValue).ofMaxSize(3),
                Arbitraries.oneOf(Arbitraries.just(""), text),
                Arbitraries.of(true, false)
        ).as(Shape::new).filter(s -> !(s.service().equals("s3") && s.pathSegments().stream().anyMatch(p -> p.equals(".") || p.equals(".."))));
    }

    private static boolean isWellFormed(String s) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }
}
