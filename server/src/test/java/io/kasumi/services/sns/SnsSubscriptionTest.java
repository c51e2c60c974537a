package io.kasumi.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.kasumi.services.sns.SnsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnsSubscriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SnsClient sns;

    @BeforeAll
    static void connect() {
        sns = kasumi.client(SnsClients::sns);
    }

    private static String topic() {
        return sns.createTopic(r -> r.name(unique("t"))).topicArn();
    }

    @Test
    void sqsSubscriptionsAreConfirmedAtOnceAndIdempotent() {
        String topic = topic();
        String queue = "arn:aws:sqs:us-east-1:000000000000:" + unique("q");
        String arn = sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queue)).subscriptionArn();
        assertThat(arn).startsWith(topic + ":");
        assertThat(sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queue)).subscriptionArn()).isEqualTo(arn);

        Map<String, String> attributes = sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes();
        assertThat(attributes).containsEntry("SubscriptionArn", arn).containsEntry("TopicArn", topic)
                .containsEntry("Protocol", "sqs").containsEntry("Endpoint", queue).containsEntry("PendingConfirmation", "false")
                .containsEntry("RawMessageDelivery", "false").containsEntry("Owner", "000000000000");
        assertThat(sns.getTopicAttributes(r -> r.topicArn(topic)).attributes()).containsEntry("SubscriptionsConfirmed", "1");
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions())
                .extracting(Subscription::subscriptionArn).containsExactly(arn);
        assertThat(sns.listSubscriptions().subscriptions()).extracting(Subscription::subscriptionArn).contains(arn);
    }

    @Test
    void unsubscribeRemovesAndCountsTheSubscription() {
        String topic = topic();
        String arn = sns.subscribe(r -> r.topicArn(topic).protocol("sms").endpoint("+15555550100")).subscriptionArn();
        sns.unsubscribe(r -> r.subscriptionArn(arn));
        sns.unsubscribe(r -> r.subscriptionArn(arn));
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Subscription does not exist");
        assertThat(sns.getTopicAttributes(r -> r.topicArn(topic)).attributes()).containsEntry("SubscriptionsDeleted", "1");
    }

    @Test
    void rejectsUnknownProtocolsAndMismatchedEndpoints() {
        String topic = topic();
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("carrier-pigeon").endpoint("x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("does not support this protocol string");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint("https://example.com")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("SQS endpoint ARN");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint("https://example.com")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Endpoint must match the specified protocol");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic + "-missing").protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:q"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("sqs")
                .endpoint("arn:aws:sqs:us-east-1:000000000000:q.fifo"))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void fifoTopicsAcceptOnlySqsSubscribers() {
        String topic = sns.createTopic(r -> r.name(unique("f") + ".fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topic).protocol("email").endpoint("a@example.com")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Invalid protocol type: email");
    }

    @Test
    void validatesSubscriptionAttributes() {
        String topic = topic();
        String arn = sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:q"))
                .subscriptionArn();
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("RawMessageDelivery").attributeValue("true"));
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("FilterPolicy")
                .attributeValue("{\"color\":[\"red\"]}"));
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes())
                .containsEntry("RawMessageDelivery", "true").containsEntry("FilterPolicy", "{\"color\":[\"red\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes");

        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("RawMessageDelivery")
                .attributeValue("maybe"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("FilterPolicy")
                .attributeValue("{\"color\": \"red\"}"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("FilterPolicy")
                .attributeValue("not json"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("FilterPolicyScope")
                .attributeValue("Everything"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(arn).attributeName("Color")
                .attributeValue("x"))).isInstanceOf(InvalidParameterException.class).hasMessageContaining("AttributeName");
    }

    @Test
    void httpSubscriptionsConfirmThroughTheHandshake() throws Exception {
        BlockingQueue<Map.Entry<String, String>> received = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String type = exchange.getRequestHeaders().getFirst("x-amz-sns-message-type");
            received.add(Map.entry(type, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String topic = topic();
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            assertThat(sns.subscribe(r -> r.topicArn(topic).protocol("http").endpoint(endpoint)).subscriptionArn())
                    .isEqualTo("pending confirmation");
            assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topic)).subscriptions())
                    .extracting(Subscription::subscriptionArn).containsExactly("PendingConfirmation");

            Map.Entry<String, String> confirmation = received.poll(10, TimeUnit.SECONDS);
            assertThat(confirmation).isNotNull();
            assertThat(confirmation.getKey()).isEqualTo("SubscriptionConfirmation");
            JsonNode document = JSON.readTree(confirmation.getValue());
            assertThat(document.get("Type").asText()).isEqualTo("SubscriptionConfirmation");
            assertThat(document.get("TopicArn").asText()).isEqualTo(topic);

            // following the SubscribeURL confirms it, as a subscriber's first GET does
            var visit = TestKasumi.send(HttpRequest.newBuilder(URI.create(document.get("SubscribeURL").asText())).GET().build());
            assertThat(visit.statusCode()).isEqualTo(200);
            assertThat(visit.body()).contains("<SubscriptionArn>" + topic + ":");
            String arn = sns.confirmSubscription(r -> r.topicArn(topic).token(document.get("Token").asText())).subscriptionArn();
            assertThat(sns.getTopicAttributes(r -> r.topicArn(topic)).attributes()).containsEntry("SubscriptionsConfirmed", "1");

            sns.publish(r -> r.topicArn(topic).message("ping").subject("Hello"));
            Map.Entry<String, String> notification = received.poll(10, TimeUnit.SECONDS);
            assertThat(notification).isNotNull();
            assertThat(notification.getKey()).isEqualTo("Notification");
            JsonNode envelope = JSON.readTree(notification.getValue());
            assertThat(envelope.get("Message").asText()).isEqualTo("ping");
            assertThat(envelope.get("Subject").asText()).isEqualTo("Hello");
            assertThat(envelope.get("UnsubscribeURL").asText()).contains(java.net.URLEncoder.encode(arn, StandardCharsets.UTF_8));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rejectsAnUnknownConfirmationToken() {
        String topic = topic();
        assertThatThrownBy(() -> sns.confirmSubscription(r -> r.topicArn(topic).token("nope")))
                .isInstanceOf(InvalidParameterException.class);
    }
}
