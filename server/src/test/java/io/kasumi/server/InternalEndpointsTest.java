package io.kasumi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create().authMode("verify").services(java.util.List.of("sts", "kms"));

    @AfterEach
    void resetClock() {
        kasumi.clock().reset();
    }

    private static JsonNode call(String method, String path, String body) throws IOException {
        HttpResponse<String> response = TestKasumi.send(HttpRequest.newBuilder(URI.create(kasumi.endpoint() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void healthListsRunningAvailableAndDisabledServices() throws IOException {
        JsonNode services = call("GET", "/_kasumi/health", null).get("services");

        assertThat(services.get("sts").asText()).isEqualTo("running");
        assertThat(services.get("kms").asText()).isEqualTo("available");
        assertThat(services.get("s3").asText()).isEqualTo("disabled");
    }

    @Test
    void localstackHealthPathAnswersTheSame() throws IOException {
        assertThat(call("GET", "/_localstack/health", null).get("services").get("sts").asText()).isEqualTo("running");
    }

    @Test
    void clockCanBeSetAdvancedAndFrozen() throws IOException {
        JsonNode set = call("POST", "/_kasumi/clock", "{\"set\":\"2030-01-01T00:00:00Z\",\"freeze\":true}");
        assertThat(set.get("now").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(set.get("frozen").asBoolean()).isTrue();

        JsonNode advanced = call("POST", "/_kasumi/clock", "{\"advance\":\"PT90M\"}");
        assertThat(Instant.parse(advanced.get("now").asText())).isEqualTo(Instant.parse("2030-01-01T01:30:00Z"));
        assertThat(kasumi.clock().instant()).isEqualTo(Instant.parse("2030-01-01T01:30:00Z"));
    }

    @Test
    void badClockRequestIsAnAwsShapedError() {
        HttpResponse<String> response = TestKasumi.send(HttpRequest.newBuilder(URI.create(kasumi.endpoint() + "/_kasumi/clock"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"set\":\"yesterday\"}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\"");
    }

    @Test
    void resetForgetsIssuedCredentials() throws IOException {
        Credentials credentials;
        try (StsClient sts = TestKasumi.sts(kasumi.kasumi())) {
            credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/r").roleSessionName("reset")).credentials();
        }
        call("POST", "/moto-api/reset", "");

        try (StsClient asRole = TestKasumi.sts(kasumi.kasumi(), TestKasumi.session(credentials))) {
            assertThatThrownBy(asRole::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void resetOfOneServiceByPath() throws IOException {
        assertThat(call("POST", "/_kasumi/reset/sts", "").get("reset").asText()).isEqualTo("sts");
        assertThat(call("POST", "/_localstack/state/reset", "").get("reset").asText()).isEqualTo("all");
    }

    @Test
    void clockOfTheInstanceIsTheOneTestsMove() {
        Instant before = kasumi.clock().instant();
        kasumi.clock().advance(Duration.ofDays(1));
        assertThat(kasumi.clock().instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(1)));
    }
}
