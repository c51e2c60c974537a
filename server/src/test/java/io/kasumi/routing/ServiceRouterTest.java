package io.kasumi.routing;

import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.services.ServiceCatalog;
import io.kasumi.services.ServiceInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRouterTest {
    private static final ServiceRouter ROUTER = new ServiceRouter(ServiceCatalog.load());

    private static String route(String method, String path, HttpHeaders headers, String body) {
        return ROUTER.route(HttpRequest.of(method, path, headers, body.getBytes(StandardCharsets.UTF_8)))
                .map(ServiceInfo::name).orElse(null);
    }

    private static String signed(String service) {
        return "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" + service + "/aws4_request, SignedHeaders=host, Signature=00";
    }

    @Test
    void targetHeaderNamesJsonServices() {
        assertThat(route("POST", "/", HttpHeaders.of("X-Amz-Target", "DynamoDB_20120810.GetItem"), "")).isEqualTo("dynamodb");
        assertThat(route("POST", "/", HttpHeaders.of("X-Amz-Target", "DynamoDBStreams_20120810.GetRecords",
                "Authorization", signed("dynamodb")), "")).isEqualTo("dynamodbstreams");
        assertThat(route("POST", "/", HttpHeaders.of("X-Amz-Target", "AmazonSQS.SendMessage"), "")).isEqualTo("sqs");
    }

    @Test
    void cborPathNamesTheService() {
        assertThat(route("POST", "/service/GraniteServiceVersion20100801/operation/PutMetricData",
                HttpHeaders.of("smithy-protocol", "rpc-v2-cbor"), "")).isEqualTo("cloudwatch");
    }

    @Test
    void credentialScopeNamesTheService() {
        assertThat(route("POST", "/", HttpHeaders.of("Authorization", signed("sts")), "Action=GetCallerIdentity")).isEqualTo("sts");
        assertThat(route("POST", "/", HttpHeaders.of("Authorization", signed("monitoring")), "")).isEqualTo("cloudwatch");
        assertThat(route("GET", "/restapis", HttpHeaders.of("Authorization", signed("apigateway")), "")).isEqualTo("apigateway");
        assertThat(route("GET", "/v2/apis", HttpHeaders.of("Authorization", signed("apigateway")), "")).isEqualTo("apigatewayv2");
        assertThat(route("GET", "/bucket/key?X-Amz-Credential=test%2F20260101%2Fus-east-1%2Fs3%2Faws4_request", new HttpHeaders(), ""))
                .isEqualTo("s3");
    }

    @Test
    void virtualHostAndServiceHostsAreRecognised() {
        assertThat(route("GET", "/key", HttpHeaders.of("Host", "my-bucket.s3.localhost:4566"), "")).isEqualTo("s3");
        assertThat(route("GET", "/", HttpHeaders.of("Host", "my-bucket.s3.eu-west-1.localhost:4566"), "")).isEqualTo("s3");
        assertThat(route("GET", "/", HttpHeaders.of("Host", "my-bucket.s3-website.localhost:4566"), "")).isEqualTo("s3");
        assertThat(route("GET", "/000000000000/q", HttpHeaders.of("Host", "sqs.us-east-1.localhost:4566"), "")).isEqualTo("sqs");
    }

    @Test
    void unsignedQueryRequestIsRoutedByVersion() {
        assertThat(route("POST", "/", HttpHeaders.of("Content-Type", "application/x-www-form-urlencoded"),
                "Action=ListUsers&Version=2010-05-08")).isEqualTo("iam");
        assertThat(route("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", new HttpHeaders(), "")).isEqualTo("sts");
    }

    @Test
    void anonymousPathStyleRequestFallsBackToS3() {
        assertThat(route("GET", "/public-bucket/index.html", HttpHeaders.of("Host", "localhost:4566"), "")).isEqualTo("s3");
    }
}
