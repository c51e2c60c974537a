package io.kasumi.server;

import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What no SDK sends: each gets an AWS-shaped 4xx, and the server keeps serving. */
class MalformedInputTest {
    private static final String SCOPE = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/%s/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000";
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();

    @AfterEach
    void serverStillServes() {
        try (StsClient sts = TestKasumi.sts(kasumi.kasumi())) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(kasumi.endpoint() + path));
    }

    @Test
    void brokenJsonIsSerializationException() {
        HttpResponse<String> response = TestKasumi.send(request("/")
                .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("Authorization", SCOPE.formatted("dynamodb"))
                .header("X-Amz-Date", "20260101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\": \"t\", \"Item\": {")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("SerializationException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void unknownJsonTargetIsUnknownOperation() {
        HttpResponse<String> response = TestKasumi.send(request("/")
                .header("X-Amz-Target", "DynamoDB_20120810.MakeCoffee")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownOperationException");
    }

    @Test
    void targetOfNoKnownServiceIsUnknownOperation() {
        HttpResponse<String> response = TestKasumi.send(request("/")
                .header("X-Amz-Target", "NoSuchService_20990101.Anything")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownOperationException");
    }

    @Test
    void unknownQueryActionIsInvalidAction() {
        HttpResponse<String> response = TestKasumi.send(request("/")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", SCOPE.formatted("sts"))
                .header("X-Amz-Date", "20260101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString("Action=MakeCoffee&Version=2011-06-15")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>")
                .contains("<RequestId>" + response.headers().firstValue("x-amzn-RequestId").orElseThrow() + "</RequestId>");
    }

    @Test
    void brokenCborIsSerializationException() {
        HttpResponse<String> response = TestKasumi.send(request("/service/GraniteServiceVersion20100801/operation/PutMetricData")
                .header("smithy-protocol", "rpc-v2-cbor")
                .header("Content-Type", "application/cbor")
                .header("Accept", "application/cbor")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xBF, 0x61})).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("SerializationException");
    }

    @Test
    void brokenXmlIsMalformedXml() {
        HttpResponse<String> response = TestKasumi.send(request("/some-bucket?tagging")
                .header("Authorization", SCOPE.formatted("s3"))
                .header("X-Amz-Date", "20260101T000000Z")
                .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .PUT(HttpRequest.BodyPublishers.ofString("<Tagging><TagSet><Tag>")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MalformedXML</Code>");
        String requestId = response.headers().firstValue("x-amz-request-id").orElseThrow();
        assertThat(requestId).matches("[0-9A-F]{16}");
        assertThat(response.body()).contains("<RequestId>" + requestId + "</RequestId>");
    }

    @Test
    void malformedAuthorizationHeaderIsRefused() {
        HttpResponse<String> response = TestKasumi.send(request("/")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sts/aws4_request")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build());

        assertThat(response.statusCode()).isBetween(400, 403);
        assertThat(response.body()).contains("<Code>IncompleteSignature</Code>");
    }

    @Test
    void oversizedBodyIsRefusedWithoutBufferingIt() {
        byte[] body = new byte[(int) Dispatcher.MAX_BUFFERED_BODY + 1024];
        HttpResponse<String> response = TestKasumi.send(request("/")
                .expectContinue(true)
                .header("X-Amz-Target", "DynamoDB_20120810.PutItem")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("RequestEntityTooLarge");
    }

    @Test
    void oversizedHeaderSectionIsAnAwsShapedError() {
        HttpResponse<String> response = TestKasumi.send(request("/")
                .header("x-amz-meta-big", "x".repeat(HttpServer.MAX_HEADER_BYTES + 10))
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>RequestHeaderSectionTooLarge</Code>");
    }

    @Test
    void preflightIsAnsweredForBrowsers() {
        HttpResponse<String> response = TestKasumi.send(request("/")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-amz-target,content-type")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).contains("x-amz-target,content-type");
    }
}
