package io.kasumi.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.EndpointDisabledException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.ListPlatformApplicationsResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PlatformApplication;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kasumi.services.sns.SnsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnsMobilePushTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SnsClient sns;

    @BeforeAll
    static void connect() {
        sns = kasumi.client(SnsClients::sns);
    }

    private static String application(String platform) {
        return sns.createPlatformApplication(r -> r.name(unique("app")).platform(platform)
                .attributes(Map.of("PlatformCredential", "secret-key", "EventEndpointCreated", "arn:aws:sns:us-east-1:000000000000:events")))
                .platformApplicationArn();
    }

    @Test
    void storesApplicationsWithoutAnsweringCredentials() {
        String arn = application("GCM");
        assertThat(arn).matches("arn:aws:sns:us-east-1:000000000000:app/GCM/app-.*");

        Map<String, String> attributes = sns.getPlatformApplicationAttributes(r -> r.platformApplicationArn(arn)).attributes();
        assertThat(attributes).containsEntry("EventEndpointCreated", "arn:aws:sns:us-east-1:000000000000:events")
                .containsEntry("Enabled", "true")
                .doesNotContainKeys("PlatformCredential", "PlatformPrincipal");

        sns.setPlatformApplicationAttributes(r -> r.platformApplicationArn(arn)
                .attributes(Map.of("SuccessFeedbackSampleRate", "50", "PlatformCredential", "rotated")));
        assertThat(sns.getPlatformApplicationAttributes(r -> r.platformApplicationArn(arn)).attributes())
                .containsEntry("SuccessFeedbackSampleRate", "50").doesNotContainKey("PlatformCredential");
    }

    @Test
    void rejectsUnknownPlatformAndAttributes() {
        assertThatThrownBy(() -> sns.createPlatformApplication(r -> r.name(unique("app")).platform("PIGEON")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.createPlatformApplication(r -> r.name("bad name!").platform("GCM")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.createPlatformApplication(r -> r.name(unique("app")).platform("APNS")
                .attributes(Map.of("Colour", "blue"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.getPlatformApplicationAttributes(r -> r.platformApplicationArn(
                "arn:aws:sns:us-east-1:000000000000:app/GCM/missing")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("PlatformApplication does not exist");
    }

    @Test
    void listsApplicationsByPage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            created.add(application(i % 2 == 0 ? "APNS_SANDBOX" : "WNS"));
        }
        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListPlatformApplicationsResponse page = sns.listPlatformApplications(r -> r.nextToken(next));
            listed.addAll(page.platformApplications().stream().map(PlatformApplication::platformApplicationArn).toList());
            token = page.nextToken();
        } while (token != null);
        assertThat(listed).containsAll(created).doesNotHaveDuplicates();
        created.forEach(arn -> sns.deletePlatformApplication(r -> r.platformApplicationArn(arn)));
    }

    @Test
    void createsEndpointsIdempotentlyForTheSameTokenAndAttributes() {
        String app = application("APNS");
        String first = sns.createPlatformEndpoint(r -> r.platformApplicationArn(app).token("device-1").customUserData("alice"))
                .endpointArn();
        assertThat(first).contains(":endpoint/APNS/");
        String again = sns.createPlatformEndpoint(r -> r.platformApplicationArn(app).token("device-1").customUserData("alice"))
                .endpointArn();
        assertThat(again).isEqualTo(first);

        assertThatThrownBy(() -> sns.createPlatformEndpoint(r -> r.platformApplicationArn(app).token("device-1")
                .customUserData("bob")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid parameter: Token Reason: Endpoint " + first
                        + " already exists with the same Token, but different attributes.");

        assertThat(sns.getEndpointAttributes(r -> r.endpointArn(first)).attributes())
                .containsEntry("Token", "device-1").containsEntry("CustomUserData", "alice").containsEntry("Enabled", "true");
    }

    @Test
    void updatesListsAndDeletesEndpoints() {
        String app = application("GCM");
        String one = sns.createPlatformEndpoint(r -> r.platformApplicationArn(app).token("t1")).endpointArn();
        String two = sns.createPlatformEndpoint(r -> r.platformApplicationArn(app).token("t2")
                .attributes(Map.of("Enabled", "false"))).endpointArn();

        sns.setEndpointAttributes(r -> r.endpointArn(one).attributes(Map.of("Token", "t1-new", "CustomUserData", "x")));
        assertThat(sns.getEndpointAttributes(r -> r.endpointArn(one)).attributes())
                .containsEntry("Token", "t1-new").containsEntry("CustomUserData", "x");
        assertThatThrownBy(() -> sns.setEndpointAttributes(r -> r.endpointArn(one).attributes(Map.of("Enabled", "maybe"))))
                .isInstanceOf(InvalidParameterException.class);

        assertThat(sns.listEndpointsByPlatformApplication(r -> r.platformApplicationArn(app)).endpoints())
                .extracting(e -> e.endpointArn()).containsExactly(one, two);

        sns.deleteEndpoint(r -> r.endpointArn(one));
        sns.deleteEndpoint(r -> r.endpointArn(one));
        assertThatThrownBy(() -> sns.getEndpointAttributes(r -> r.endpointArn(one)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Endpoint does not exist");

        sns.deletePlatformApplication(r -> r.platformApplicationArn(app));
        assertThatThrownBy(() -> sns.getEndpointAttributes(r -> r.endpointArn(two))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void publishesToEndpointsIntoTheCapturedMessages() throws Exception {
        String app = application("GCM");
        String endpoint = sns.createPlatformEndpoint(r -> r.platformApplicationArn(app).token(unique("tok"))).endpointArn();

        String id = sns.publish(r -> r.targetArn(endpoint).messageStructure("json")
                .message("{\"default\":\"plain\",\"GCM\":\"{\\\"data\\\":{\\\"k\\\":\\\"v\\\"}}\"}")).messageId();
        JsonNode messages = captured(endpoint);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("messageId").asText()).isEqualTo(id);
        assertThat(messages.get(0).get("protocol").asText()).isEqualTo("application");
        assertThat(messages.get(0).get("message").asText()).isEqualTo("{\"data\":{\"k\":\"v\"}}");

        sns.setEndpointAttributes(r -> r.endpointArn(endpoint).attributes(Map.of("Enabled", "false")));
        assertThatThrownBy(() -> sns.publish(r -> r.targetArn(endpoint).message("hi")))
                .isInstanceOf(EndpointDisabledException.class)
                .satisfies(e -> assertThat(SnsClients.code(e)).isEqualTo("EndpointDisabled"));
        assertThatThrownBy(() -> sns.publish(r -> r.targetArn(endpoint + "-gone").message("hi")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void deliversTopicMessagesToSubscribedEndpoints() throws Exception {
        String app = application("APNS");
        String endpoint = sns.createPlatformEndpoint(r -> r.platformApplicationArn(app).token(unique("tok"))).endpointArn();
        String topic = sns.createTopic(r -> r.name(unique("t"))).topicArn();
        String subscription = sns.subscribe(r -> r.topicArn(topic).protocol("application").endpoint(endpoint)).subscriptionArn();

        sns.publish(r -> r.topicArn(topic).message("hello device"));
        JsonNode messages = captured(endpoint);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("message").asText()).isEqualTo("hello device");
        assertThat(messages.get(0).get("topicArn").asText()).isEqualTo(topic);
        assertThat(messages.get(0).get("subscriptionArn").asText()).isEqualTo(subscription);
    }

    private static JsonNode captured(String endpoint) throws Exception {
        var response = TestKasumi.send(HttpRequest.newBuilder(URI.create(kasumi.endpoint() + "/_kasumi/sns/messages?endpoint="
                + URLEncoder.encode(endpoint, StandardCharsets.UTF_8))).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
