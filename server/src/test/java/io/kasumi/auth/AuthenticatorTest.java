package io.kasumi.auth;

import io.kasumi.api.AwsException;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.kasumi.auth.SdkSigning.NOW;
import static io.kasumi.auth.SdkSigning.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class AuthenticatorTest {
    private final CredentialRegistry registry = CredentialRegistry.withDefaults();

    private Authenticator verifying() {
        return verifyingAt(NOW);
    }

    private Authenticator verifyingAt(Instant now) {
        return new Authenticator(registry, clockAt(now), AuthMode.VERIFY);
    }

    private static AwsException failure(Authenticator authenticator, HttpRequest request) {
        try {
            CallerIdentity identity = authenticator.authenticate(request);
            request.body().readAllBytes();
            throw new AssertionError("accepted as " + identity);
        } catch (AwsException e) {
            return e;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static SdkSigning sts() {
        return SdkSigning.request("GET", "sts.amazonaws.com", "/").service("sts");
    }

    private static SdkSigning s3(String method, String encodedPath) {
        return SdkSigning.request(method, "s3.amazonaws.com", encodedPath).service("s3");
    }

    @Test
    void verifiesGetWithTrickyQuery() {
        HttpRequest request = sts()
                .query("Action", "GetCallerIdentity")
                .query("Version", "2011-06-15")
                .query("Spaces", "a b  c")
                .query("Unicode", "grüße ✓ 日本")
                .query("Slash", "a/b%2Fc")
                .query("Plus", "1+1=2")
                .query("Reserved", "*~!'()&;")
                .query("Empty", "")
                .query("Repeated", "z")
                .query("Repeated", "a")
                .toKasumi();

        CallerIdentity identity = verifying().authenticate(request);

        assertThat(identity).isEqualTo(new CallerIdentity("000000000000", "us-east-1", "test",
                "arn:aws:iam::000000000000:root", "sts"));
    }

    @Test
    void verifiesDoubleEncodedPathOfNonS3Service() {
        String path = SdkSigning.encodePath(List.of("2015-03-31", "functions", "my fn:1+2 ✓", "a%2Fb", "invocations"));
        HttpRequest request = SdkSigning.request("POST", "lambda.us-east-1.amazonaws.com", path)
                .service("lambda").body("{}".getBytes(StandardCharsets.UTF_8)).toKasumi();

        assertThat(verifying().authenticate(request).service()).isEqualTo("lambda");
    }

    @Test
    void verifiesPostWithFormBody() throws Exception {
        byte[] body = "Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&Version=2011-06-15"
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = SdkSigning.request("POST", "sts.amazonaws.com", "/")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .body(body).toKasumi();

        verifying().authenticate(request);

        assertThat(request.body().readAllBytes()).isEqualTo(body);
    }

    @Test
    void foldsHeaderWhitespaceAndJoinsRepeatedValues() {
        HttpRequest request = sts()
                .header("X-Amz-Meta-Spaced", "  a   b \t c  ")
                .header("X-Amz-Meta-Twice", "one")
                .header("X-Amz-Meta-Twice", "two")
                .toKasumi();

        assertThat(verifying().authenticate(request).accessKeyId()).isEqualTo("test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bucket/key", "/bucket/a//b", "/bucket/a%2Fb", "/bucket/a+b", "/bucket/with%20space",
            "/bucket/%E2%9C%93%20%E6%97%A5%E6%9C%AC", "/bucket/../etc/./passwd", "/bucket/key~%21%27%28%29%2A"})
    void verifiesS3PathsAsSent(String path) {
        HttpRequest request = s3("GET", path).toKasumi();

        CallerIdentity identity = verifying().authenticate(request);

        assertThat(identity.service()).isEqualTo("s3");
    }

    @Test
    void verifiesS3PutWithDeclaredBodyHashAndChecksItWhileReading() throws Exception {
        byte[] body = "hello world".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = s3("PUT", "/bucket/key").body(body).toKasumi();
        assertThat(request.headers().first("x-amz-content-sha256")).hasSize(64);

        verifying().authenticate(request);

        assertThat(request.body().readAllBytes()).isEqualTo(body);
    }

    @Test
    void rejectsS3BodyThatDoesNotMatchItsDeclaredHash() {
        byte[] body = "hello world".getBytes(StandardCharsets.UTF_8);
        HttpRequest signed = s3("PUT", "/bucket/key").body(body).toKasumi();
        HttpRequest tampered = HttpRequest.of("PUT", signed.rawPath(), signed.headers(), "HELLO world".getBytes(StandardCharsets.UTF_8));

        AwsException error = failure(verifying(), tampered);

        assertThat(error.code()).isEqualTo("XAmzContentSHA256Mismatch");
        assertThat(error.httpStatus()).isEqualTo(400);
    }

    @Test
    void rejectsTamperedSignature() {
        HttpRequest signed = sts().query("Action", "GetCallerIdentity").toKasumi();
        String authorization = signed.headers().first("Authorization");
        char last = authorization.charAt(authorization.length() - 1);
        signed.headers().set("Authorization", authorization.substring(0, authorization.length() - 1) + (last == '0' ? '1' : '0'));

        AwsException error = failure(verifying(), signed);

        assertThat(error.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.httpStatus()).isEqualTo(403);
        assertThat(error.getMessage()).startsWith("The request signature we calculated does not match the signature you "
                + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
                .contains("The Canonical String for this request should have been\n'GET\n/\nAction=GetCallerIdentity\n");
    }

    @Test
    void rejectsTamperedSignedHeader() {
        HttpRequest signed = sts().header("X-Amz-Target", "A.B").toKasumi();
        signed.headers().set("X-Amz-Target", "A.C");

        assertThat(failure(verifying(), signed).code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void rejectsTamperedQuery() {
        HttpRequest signed = sts().query("Action", "GetCallerIdentity").toKasumi();
        HttpRequest tampered = HttpRequest.of("GET", "/?Action=AssumeRole", signed.headers(), null);

        assertThat(failure(verifying(), tampered).code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void rejectsTamperedBodyOfNonS3Service() {
        HttpRequest signed = SdkSigning.request("POST", "sts.amazonaws.com", "/")
                .body("Action=GetCallerIdentity".getBytes(StandardCharsets.UTF_8)).toKasumi();
        HttpRequest tampered = HttpRequest.of("POST", "/", signed.headers(), "Action=GetSessionToken".getBytes(StandardCharsets.UTF_8));

        assertThat(failure(verifying(), tampered).code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void jsonServicesAnswerInvalidSignatureException() {
        HttpRequest signed = SdkSigning.request("POST", "dynamodb.us-east-1.amazonaws.com", "/").service("dynamodb")
                .body("{}".getBytes(StandardCharsets.UTF_8)).toKasumi();
        HttpRequest tampered = HttpRequest.of("POST", "/", signed.headers(), "{ }".getBytes(StandardCharsets.UTF_8));

        AwsException error = assertThrows(() -> {
            verifying().authenticate(tampered, AuthErrors.JSON, false);
            tampered.body().readAllBytes();
        });

        assertThat(error.code()).isEqualTo("InvalidSignatureException");
        assertThat(error.httpStatus()).isEqualTo(400);
    }

    @Test
    void rejectsUnknownAccessKey() {
        HttpRequest request = sts().credentials("AKIAUNKNOWN", "secret").toKasumi();

        AwsException error = failure(verifying(), request);

        assertThat(error.code()).isEqualTo("InvalidClientTokenId");
        assertThat(error.httpStatus()).isEqualTo(403);
        assertThat(error.getMessage()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void s3RejectsUnknownAccessKeyWithItsOwnCode() {
        AwsException error = failure(verifying(), s3("GET", "/bucket").credentials("AKIAUNKNOWN", "secret").toKasumi());

        assertThat(error.code()).isEqualTo("InvalidAccessKeyId");
        assertThat(error.getMessage()).isEqualTo("The AWS Access Key Id you provided does not exist in our records.");
    }

    @Test
    void rejectsWrongSecretKey() {
        assertThat(failure(verifying(), sts().credentials("test", "not-test").toKasumi()).code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void rejectsHeaderSignedRequestOlderThanFifteenMinutes() {
        HttpRequest request = sts().toKasumi();

        AwsException error = failure(verifyingAt(NOW.plus(Duration.ofMinutes(16))), request);

        assertThat(error.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(error.getMessage())
                .isEqualTo("Signature expired: 20260101T120000Z is now earlier than 20260101T120100Z (20260101T121600Z - 15 min.)");
    }

    @Test
    void acceptsHeaderSignedRequestWithinTheSkew() {
        assertThat(verifyingAt(NOW.plus(Duration.ofMinutes(14))).authenticate(sts().toKasumi()).account())
                .isEqualTo("000000000000");
    }

    @Test
    void rejectsRequestFromTheFuture() {
        AwsException error = failure(verifyingAt(NOW.minus(Duration.ofMinutes(20))), sts().toKasumi());

        assertThat(error.getMessage()).startsWith("Signature not yet current: 20260101T120000Z is still later than");
    }

    @Test
    void s3AnswersSkewWithRequestTimeTooSkewed() {
        AwsException error = failure(verifyingAt(NOW.plus(Duration.ofHours(1))), s3("GET", "/bucket").toKasumi());

        assertThat(error.code()).isEqualTo("RequestTimeTooSkewed");
        assertThat(error.httpStatus()).isEqualTo(403);
        assertThat(error.fields()).containsEntry("MaxAllowedSkewMilliseconds", "900000");
    }

    @Test
    void rejectsUnsignedRequestToNonS3Service() {
        HttpRequest request = HttpRequest.of("GET", "/?Action=GetCallerIdentity", HttpHeaders.of("Host", "sts.amazonaws.com"), null);

        AwsException error = assertThrows(() -> verifying().authenticate(request, AuthErrors.QUERY, false));

        assertThat(error.code()).isEqualTo("MissingAuthenticationToken");
        assertThat(error.httpStatus()).isEqualTo(403);
        assertThat(error.getMessage()).isEqualTo("Request is missing Authentication Token");
    }

    @Test
    void letsAnonymousS3RequestsThrough() {
        HttpRequest request = HttpRequest.of("GET", "/public-bucket/key", HttpHeaders.of("Host", "s3.amazonaws.com"), null);

        assertThat(verifying().authenticate(request, AuthErrors.S3, true).isAnonymous()).isTrue();
    }

    @Nested
    class TemporaryCredentials {
        private static final String TOKEN = "FwoGZXIvYXdzEDMaDP+/=token";

        private void registerTemporary(Instant expiration) {
            registry.register(new Credentials("ASIATEMPORARY", "tempsecret", TOKEN, "111122223333",
                    "arn:aws:sts::111122223333:assumed-role/role/session", expiration));
        }

        @Test
        void verifiesRequestCarryingTheSessionToken() {
            registerTemporary(NOW.plus(Duration.ofHours(1)));

            CallerIdentity identity = verifying().authenticate(sts().sessionCredentials("ASIATEMPORARY", "tempsecret", TOKEN).toKasumi());

            assertThat(identity.account()).isEqualTo("111122223333");
            assertThat(identity.principalArn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/role/session");
        }

        @Test
        void rejectsRequestWithoutTheSessionToken() {
            registerTemporary(NOW.plus(Duration.ofHours(1)));

            assertThat(failure(verifying(), sts().credentials("ASIATEMPORARY", "tempsecret").toKasumi()).code())
                    .isEqualTo("InvalidClientTokenId");
        }

        @Test
        void rejectsExpiredCredentials() {
            registerTemporary(NOW.minus(Duration.ofMinutes(1)));

            AwsException error = failure(verifying(), sts().sessionCredentials("ASIATEMPORARY", "tempsecret", TOKEN).toKasumi());

            assertThat(error.code()).isEqualTo("ExpiredToken");
            assertThat(error.getMessage()).isEqualTo("The security token included in the request is expired");
        }
    }

    @Nested
    class Presigned {

        @Test
        void verifiesPresignedS3Url() {
            HttpRequest request = s3("GET", "/bucket/some%20key").presigned(Duration.ofMinutes(5)).toKasumi();
            assertThat(request.queryParameter("X-Amz-Signature")).isNotNull();

            assertThat(verifyingAt(NOW.plus(Duration.ofMinutes(4))).authenticate(request).accessKeyId()).isEqualTo("test");
        }

        @Test
        void verifiesPresignedStsUrl() {
            HttpRequest request = sts().query("Action", "GetCallerIdentity").query("Version", "2011-06-15")
                    .header("x-k8s-aws-id", "cluster").presigned(Duration.ofSeconds(60)).toKasumi();

            assertThat(verifying().authenticate(request).service()).isEqualTo("sts");
        }

        @Test
        void rejectsExpiredPresignedS3Url() {
            HttpRequest request = s3("GET", "/bucket/key").presigned(Duration.ofMinutes(5)).toKasumi();

            AwsException error = failure(verifyingAt(NOW.plus(Duration.ofMinutes(6))), request);

            assertThat(error.code()).isEqualTo("AccessDenied");
            assertThat(error.httpStatus()).isEqualTo(403);
            assertThat(error.getMessage()).isEqualTo("Request has expired");
            assertThat(error.fields()).containsEntry("X-Amz-Expires", "300").containsEntry("Expires", "2026-01-01T12:05:00Z");
        }

        @Test
        void rejectsExpiredPresignedStsUrl() {
            HttpRequest request = sts().query("Action", "GetCallerIdentity").presigned(Duration.ofMinutes(15)).toKasumi();

            AwsException error = failure(verifyingAt(NOW.plus(Duration.ofMinutes(16))), request);

            assertThat(error.code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(error.getMessage()).startsWith("Signature expired: 20260101T120000Z is now earlier than");
        }

        @Test
        void rejectsTamperedPresignedUrl() {
            HttpRequest signed = s3("GET", "/bucket/key").presigned(Duration.ofMinutes(5)).toKasumi();
            HttpRequest tampered = HttpRequest.of("GET", "/bucket/other?" + signed.rawQuery(), signed.headers(), null);

            AwsException error = failure(verifying(), tampered);

            assertThat(error.code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(error.fields()).containsKeys("StringToSign", "CanonicalRequest", "SignatureProvided");
        }
    }

    @Nested
    class Off {
        private final Authenticator off = new Authenticator(registry, clockAt(NOW), AuthMode.OFF);

        @Test
        void acceptsGarbageSignatures() {
            HttpRequest signed = sts().credentials("123456789012", "whatever").toKasumi();
            String authorization = signed.headers().first("Authorization");
            signed.headers().set("Authorization", authorization.replaceAll("Signature=\\w+", "Signature=garbage"));

            CallerIdentity identity = off.authenticate(signed);

            assertThat(identity.account()).isEqualTo("123456789012");
            assertThat(identity.region()).isEqualTo("us-east-1");
        }

        @Test
        void acceptsUnsignedRequestsAsDefaultAccount() {
            HttpRequest request = HttpRequest.of("GET", "/?Action=ListQueues", HttpHeaders.of("Host", "sqs.amazonaws.com"), null);

            assertThat(off.authenticate(request, AuthErrors.QUERY, false))
                    .isEqualTo(new CallerIdentity("000000000000", "us-east-1", null, null, null));
        }

        @Test
        void acceptsStaleHeaderSignedRequests() {
            HttpRequest request = sts().at(NOW.minus(Duration.ofDays(30))).region("eu-central-1").toKasumi();

            assertThat(off.authenticate(request).region()).isEqualTo("eu-central-1");
        }

        @Test
        void stillRejectsExpiredPresignedUrls() {
            HttpRequest request = s3("GET", "/bucket/key").presigned(Duration.ofMinutes(1)).at(NOW.minus(Duration.ofMinutes(2))).toKasumi();

            assertThat(failure(off, request).getMessage()).isEqualTo("Request has expired");
        }

        @Test
        void stillRejectsMalformedHeaders() {
            HttpRequest request = HttpRequest.of("GET", "/", HttpHeaders.of("Authorization", "AWS4-HMAC-SHA256 Credential"), null);

            assertThat(failure(off, request).code()).isEqualTo("IncompleteSignature");
        }
    }

    private static AwsException assertThrows(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(AwsException.class, call);
    }

    @Test
    void enforceModeVerifiesLikeVerify() {
        Authenticator enforce = new Authenticator(registry, clockAt(NOW), AuthMode.ENFORCE);
        assertThatThrownBy(() -> enforce.authenticate(sts().credentials("test", "wrong").toKasumi()))
                .asInstanceOf(type(AwsException.class))
                .extracting(AwsException::code).isEqualTo("SignatureDoesNotMatch");
    }
}
