package io.kasumi.auth;

import io.kasumi.api.AwsException;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class SigV4ParserTest {
    private static final String SIGNATURE = "a".repeat(64);
    private final SigV4Parser parser = new SigV4Parser();

    private static HttpRequest get(String pathAndQuery, String... headers) {
        return HttpRequest.of("GET", pathAndQuery, HttpHeaders.of(headers), null);
    }

    @Test
    void parsesAuthorizationHeader() {
        HttpRequest request = get("/", "Host", "sts.amazonaws.com", "X-Amz-Date", "20260101T120000Z",
                "X-Amz-Security-Token", "tok",
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sts/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE);

        RequestSignature.V4 v4 = (RequestSignature.V4) parser.parse(request, AuthErrors.QUERY);

        assertThat(v4.accessKeyId()).isEqualTo("AKID");
        assertThat(v4.scope()).isEqualTo(new AwsCredentialScope("20260101", "us-east-1", "sts"));
        assertThat(v4.signedHeaders()).containsExactly("host", "x-amz-date");
        assertThat(v4.signature()).isEqualTo(SIGNATURE);
        assertThat(v4.amzDate()).isEqualTo("20260101T120000Z");
        assertThat(v4.timestamp()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(v4.presigned()).isFalse();
        assertThat(v4.expires()).isNull();
        assertThat(v4.sessionToken()).isEqualTo("tok");
    }

    @Test
    void acceptsComponentsWithoutSpacesAndTheDateHeader() {
        HttpRequest request = get("/", "Date", "Thu, 01 Jan 2026 12:00:00 GMT",
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/sqs/aws4_request,SignedHeaders=host,Signature=" + SIGNATURE);

        RequestSignature.V4 v4 = (RequestSignature.V4) parser.parse(request, AuthErrors.QUERY);

        assertThat(v4.amzDate()).isEqualTo("20260101T120000Z");
        assertThat(v4.region()).isEqualTo("eu-west-1");
        assertThat(v4.service()).isEqualTo("sqs");
    }

    @Test
    void parsesPresignedQuery() {
        HttpRequest request = get("/bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-west-2%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20260101T120000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=" + SIGNATURE
                + "&X-Amz-Security-Token=abc%2Bdef");

        RequestSignature.V4 v4 = (RequestSignature.V4) parser.parse(request, AuthErrors.S3);

        assertThat(v4.presigned()).isTrue();
        assertThat(v4.expires()).isEqualTo(Duration.ofSeconds(300));
        assertThat(v4.scope().value()).isEqualTo("20260101/us-west-2/s3/aws4_request");
        assertThat(v4.sessionToken()).isEqualTo("abc+def");
        assertThat(SigV4Parser.signingService(request)).isEqualTo("s3");
    }

    @Test
    void recognisesUnsignedRequest() {
        assertThat(parser.parse(get("/?Action=ListUsers", "Host", "iam.amazonaws.com"), AuthErrors.QUERY))
                .isInstanceOf(RequestSignature.Unsigned.class);
    }

    @Test
    void recognisesLegacyS3Signature() {
        assertThat(parser.parse(get("/b/k", "Authorization", "AWS AKIDEXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg="), AuthErrors.S3))
                .isEqualTo(new RequestSignature.V2("AKIDEXAMPLE"));
    }

    @Test
    void rejectsHeaderWithoutCredentialAsIncompleteSignature() {
        HttpRequest request = get("/", "X-Amz-Date", "20260101T120000Z",
                "Authorization", "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=" + SIGNATURE);

        assertThatThrownBy(() -> parser.parse(request, AuthErrors.QUERY))
                .asInstanceOf(type(AwsException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("IncompleteSignature");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("Authorization header requires 'Credential' parameter. Authorization=AWS4-HMAC-SHA256");
                });
    }

    @Test
    void rejectsForeignAuthorizationSchemeListingEveryMissingPart() {
        assertThatThrownBy(() -> parser.parse(get("/", "Authorization", "Bearer abc"), AuthErrors.QUERY))
                .asInstanceOf(type(AwsException.class))
                .extracting(AwsException::getMessage)
                .isEqualTo("Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' "
                        + "parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires "
                        + "existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc");
    }

    @Test
    void rejectsPairWithoutEqualSign() {
        String header = "AWS4-HMAC-SHA256 Credential=AKID /20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=" + SIGNATURE;
        assertThatThrownBy(() -> parser.parse(get("/", "X-Amz-Date", "20260101T120000Z", "Authorization", header), AuthErrors.QUERY))
                .asInstanceOf(type(AwsException.class))
                .satisfies(e -> assertThat(e.code()).isEqualTo("IncompleteSignature"))
                .extracting(AwsException::getMessage).asString()
                .contains("not a valid key=value pair (missing equal-sign) in Authorization header");
    }

    @Test
    void jsonServicesSuffixTheirCodes() {
        assertThatThrownBy(() -> parser.parse(get("/", "Authorization", "AWS4-HMAC-SHA256 Signature=x"), AuthErrors.JSON))
                .asInstanceOf(type(AwsException.class))
                .extracting(AwsException::code).isEqualTo("IncompleteSignatureException");
    }

    @Test
    void s3AnswersMalformedHeaderWithItsOwnCode() {
        assertThatThrownBy(() -> parser.parse(get("/b", "X-Amz-Date", "20260101T120000Z",
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request"), AuthErrors.S3))
                .asInstanceOf(type(AwsException.class))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("AuthorizationHeaderMalformed");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void s3RequiresEveryPresignedParameter() {
        HttpRequest request = get("/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20260101T120000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=" + SIGNATURE);

        assertThatThrownBy(() -> parser.parse(request, AuthErrors.S3))
                .asInstanceOf(type(AwsException.class))
                .satisfies(e -> assertThat(e.code()).isEqualTo("AuthorizationQueryParametersError"))
                .extracting(AwsException::getMessage).asString().contains("X-Amz-Expires parameters");
    }

    @Test
    void refusesPresignedLifetimeOverAWeek() {
        HttpRequest request = get("/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20260101T120000Z&X-Amz-Expires=604801&X-Amz-SignedHeaders=host&X-Amz-Signature=" + SIGNATURE);

        assertThatThrownBy(() -> parser.parse(request, AuthErrors.S3))
                .asInstanceOf(type(AwsException.class))
                .extracting(AwsException::getMessage)
                .isEqualTo("X-Amz-Expires must be less than a week (in seconds) that is 604800");
    }

    @Test
    void s3RefusesTwoAuthMechanisms() {
        HttpRequest request = get("/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256", "Authorization", "AWS4-HMAC-SHA256 Credential=x");
        assertThatThrownBy(() -> parser.parse(request, AuthErrors.S3))
                .asInstanceOf(type(AwsException.class))
                .extracting(AwsException::code).isEqualTo("InvalidArgument");
    }

    @Test
    void rejectsCredentialWithWrongTerminator() {
        HttpRequest request = get("/", "X-Amz-Date", "20260101T120000Z",
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sts/aws5_request, SignedHeaders=host, Signature=" + SIGNATURE);
        assertThatThrownBy(() -> parser.parse(request, AuthErrors.QUERY))
                .asInstanceOf(type(AwsException.class))
                .extracting(AwsException::getMessage).asString()
                .contains("'aws4_request', not 'aws5_request'");
    }
}
