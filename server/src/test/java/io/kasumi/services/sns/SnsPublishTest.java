package io.kasumi.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sns.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.TooManyEntriesInBatchRequestException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.kasumi.services.sns.SnsClients.code;
import static io.kasumi.services.sns.SnsClients.drain;
import static io.kasumi.services.sns.SnsClients.queueArn;
import static io.kasumi.services.sns.SnsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnsPublishTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SnsClient sns;
    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        sns = kasumi.client(SnsClients::sns);
        sqs = kasumi.client(SnsClients::sqs);
    }

    private record Subscribed(String topic, String queueUrl, String subscriptionArn) {
    }

    private static Subscribed topicWithQueue(Map<String, String> subscriptionAttributes) {
        String topic = sns.createTopic(r -> r.name(unique("t"))).topicArn();
        String url = sqs.createQueue(r -> r.queueName(unique("q"))).queueUrl();
        String arn = sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn(sqs, url))
                .attributes(subscriptionAttributes)).subscriptionArn();
        return new Subscribed(topic, url, arn);
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }

    @Test
    void deliversSignedEnvelopeIntoSqs() throws Exception {
        Subscribed s = topicWithQueue(Map.of());
        PublishResponse published = sns.publish(r -> r.topicArn(s.topic()).message("hello").subject("Greeting")
                .messageAttributes(Map.of("color", string("blue"), "size", number("3"))));

        List<Message> messages = drain(sqs, s.queueUrl());
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().messageAttributes()).isEmpty();
        JsonNode envelope = JSON.readTree(messages.getFirst().body());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("MessageId").asText()).isEqualTo(published.messageId());
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(s.topic());
        assertThat(envelope.get("Subject").asText()).isEqualTo("Greeting");
        assertThat(envelope.get("Message").asText()).isEqualTo("hello");
        assertThat(envelope.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(envelope.get("UnsubscribeURL").asText()).startsWith(kasumi.endpoint());
        assertThat(envelope.get("MessageAttributes").get("color").get("Type").asText()).isEqualTo("String");
        assertThat(envelope.get("MessageAttributes").get("size").get("Value").asText()).isEqualTo("3");

        // the signature verifies against the certificate served at SigningCertURL
        var pem = TestKasumi.send(HttpRequest.newBuilder(URI.create(envelope.get("SigningCertURL").asText())).GET().build());
        assertThat(pem.statusCode()).isEqualTo(200);
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.body().getBytes(StandardCharsets.US_ASCII)));
        String canonical = "Message\nhello\nMessageId\n" + published.messageId() + "\nSubject\nGreeting\nTimestamp\n"
                + envelope.get("Timestamp").asText() + "\nTopicArn\n" + s.topic() + "\nType\nNotification\n";
        Signature verifier = Signature.getInstance("SHA1withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(envelope.get("Signature").asText()))).isTrue();
    }

    @Test
    void rawDeliveryHandsSqsTheBodyAndAttributes() {
        Subscribed s = topicWithQueue(Map.of("RawMessageDelivery", "true"));
        sns.publish(r -> r.topicArn(s.topic()).message("{\"order\":1}").messageAttributes(Map.of(
                "color", string("blue"), "price", number("9.5"),
                "tags", MessageAttributeValue.builder().dataType("String.Array").stringValue("[\"a\",\"b\"]").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bits")).build())));

        Message message = drain(sqs, s.queueUrl()).getFirst();
        assertThat(message.body()).isEqualTo("{\"order\":1}");
        assertThat(message.messageAttributes().get("color").stringValue()).isEqualTo("blue");
        assertThat(message.messageAttributes().get("price").dataType()).isEqualTo("Number");
        assertThat(message.messageAttributes().get("tags").dataType()).isEqualTo("String.Array");
        assertThat(message.messageAttributes().get("blob").binaryValue().asUtf8String()).isEqualTo("bits");
        assertThat(message.attributesAsStrings()).containsKey("SenderId");
    }

    @Test
    void messageStructureJsonPicksTheMessageByProtocol() {
        Subscribed s = topicWithQueue(Map.of("RawMessageDelivery", "true"));
        sns.publish(r -> r.topicArn(s.topic()).messageStructure("json")
                .message("{\"default\":\"for everyone\",\"sqs\":\"for queues\"}"));
        assertThat(drain(sqs, s.queueUrl())).extracting(Message::body).containsExactly("for queues");

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(s.topic()).messageStructure("json").message("{\"sqs\":\"x\"}")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("No default entry in JSON message body");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(s.topic()).messageStructure("json").message("not json")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("JSON message body failed to parse");
    }

    @Test
    void rejectsInvalidPublishes() {
        Subscribed s = topicWithQueue(Map.of());
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(s.topic()).message("")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Empty message");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(s.topic() + "-missing").message("x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sns.publish(r -> r.message("x")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameter"));
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(s.topic()).message("x".repeat(262_145))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Message too long");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(s.topic()).message("x").messageAttributes(Map.of("n", number("abc")))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Could not cast message attribute 'n' value to number.");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(s.topic()).message("x").messageAttributes(Map.of("e", string("")))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("must contain non-empty message attribute value");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(s.topic()).message("x").messageAttributes(Map.of("t",
                MessageAttributeValue.builder().dataType("Date").stringValue("today").build()))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("ParameterValueInvalid"));
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(s.topic()).message("x").messageDeduplicationId("d")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(drain(sqs, s.queueUrl())).isEmpty();
    }

    @Test
    void filterPoliciesOnAttributesDeliverOnlyMatches() {
        Subscribed s = topicWithQueue(Map.of("RawMessageDelivery", "true",
                "FilterPolicy", "{\"color\":[\"red\",{\"prefix\":\"gr\"}],\"price\":[{\"numeric\":[\">\",10]}]}"));
        sns.publish(r -> r.topicArn(s.topic()).message("red-cheap").messageAttributes(Map.of("color", string("red"), "price", number("5"))));
        sns.publish(r -> r.topicArn(s.topic()).message("red-dear").messageAttributes(Map.of("color", string("red"), "price", number("50"))));
        sns.publish(r -> r.topicArn(s.topic()).message("green-dear").messageAttributes(Map.of("color", string("green"), "price", number("11"))));
        sns.publish(r -> r.topicArn(s.topic()).message("blue-dear").messageAttributes(Map.of("color", string("blue"), "price", number("99"))));
        sns.publish(r -> r.topicArn(s.topic()).message("no-attributes"));
        assertThat(drain(sqs, s.queueUrl())).extracting(Message::body).containsExactlyInAnyOrder("red-dear", "green-dear");
    }

    @Test
    void filterPoliciesCanMatchTheMessageBody() {
        Subscribed s = topicWithQueue(Map.of("RawMessageDelivery", "true", "FilterPolicyScope", "MessageBody",
                "FilterPolicy", "{\"order\":{\"status\":[\"shipped\"]}}"));
        sns.publish(r -> r.topicArn(s.topic()).message("{\"order\":{\"status\":\"shipped\",\"id\":1}}"));
        sns.publish(r -> r.topicArn(s.topic()).message("{\"order\":{\"status\":\"pending\",\"id\":2}}"));
        sns.publish(r -> r.topicArn(s.topic()).message("not json at all"));
        assertThat(drain(sqs, s.queueUrl())).extracting(Message::body)
                .containsExactly("{\"order\":{\"status\":\"shipped\",\"id\":1}}");
    }

    @Test
    void stringArrayAttributesMatchAnyElement() {
        Subscribed s = topicWithQueue(Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"sizes\":[\"L\"]}"));
        sns.publish(r -> r.topicArn(s.topic()).message("has-L").messageAttributes(Map.of("sizes",
                MessageAttributeValue.builder().dataType("String.Array").stringValue("[\"S\",\"L\"]").build())));
        sns.publish(r -> r.topicArn(s.topic()).message("no-L").messageAttributes(Map.of("sizes",
                MessageAttributeValue.builder().dataType("String.Array").stringValue("[\"S\",\"M\"]").build())));
        assertThat(drain(sqs, s.queueUrl())).extracting(Message::body).containsExactly("has-L");
    }

    @Test
    void fifoTopicDeliversInOrderAndDeduplicates() {
        String topic = sns.createTopic(r -> r.name(unique("f") + ".fifo")
                .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))).topicArn();
        String url = sqs.createQueue(r -> r.queueName(unique("q") + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn(sqs, url))
                .attributes(Map.of("RawMessageDelivery", "true")));

        PublishResponse first = sns.publish(r -> r.topicArn(topic).message("m0").messageGroupId("g"));
        PublishResponse repeat = sns.publish(r -> r.topicArn(topic).message("m0").messageGroupId("g"));
        assertThat(repeat.messageId()).isEqualTo(first.messageId());
        assertThat(first.sequenceNumber()).hasSize(20);
        IntStream.range(1, 15).forEach(i -> sns.publish(r -> r.topicArn(topic).message("m" + i).messageGroupId("g")
                .messageDeduplicationId("d" + i)));
        sns.publish(r -> r.topicArn(topic).message("other").messageGroupId("g").messageDeduplicationId("d3"));

        List<String> bodies = new java.util.ArrayList<>();
        for (int round = 0; round < 10 && bodies.size() < 15; round++) {
            bodies.addAll(drain(sqs, url).stream().map(Message::body).toList());
        }
        assertThat(bodies).containsExactlyElementsOf(IntStream.range(0, 15).mapToObj(i -> "m" + i).toList());

        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topic).message("x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("MessageGroupId");
        String noDedup = sns.createTopic(r -> r.name(unique("n") + ".fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(noDedup).message("x").messageGroupId("g")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("ContentBasedDeduplication");
    }

    @Test
    void emailAndSmsAreCapturedForTests() throws Exception {
        String topic = sns.createTopic(r -> r.name(unique("mail"))).topicArn();
        String mailbox = unique("someone") + "@example.com";
        sns.subscribe(r -> r.topicArn(topic).protocol("email").endpoint(mailbox));
        JsonNode confirmation = captured("?endpoint=" + mailbox).get(0);
        assertThat(confirmation.get("type").asText()).isEqualTo("SubscriptionConfirmation");
        sns.confirmSubscription(r -> r.topicArn(topic).token(confirmation.get("token").asText()));

        sns.publish(r -> r.topicArn(topic).message("Your order shipped").subject("Order update"));
        sns.publish(r -> r.phoneNumber("+15555550123").message("code 1234"));

        JsonNode mails = captured("?endpoint=" + mailbox);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).get("subject").asText()).isEqualTo("Order update");
        assertThat(mails.get(1).get("message").asText()).isEqualTo("Your order shipped");
        assertThat(mails.get(1).get("protocol").asText()).isEqualTo("email");
        assertThat(captured("?endpoint=%2B15555550123").get(0).get("message").asText()).isEqualTo("code 1234");
    }

    private static JsonNode captured(String query) throws Exception {
        var response = TestKasumi.send(HttpRequest.newBuilder(URI.create(kasumi.endpoint() + "/_kasumi/sns/messages" + query))
                .GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void publishBatchReportsEachEntry() {
        Subscribed s = topicWithQueue(Map.of("RawMessageDelivery", "true"));
        PublishBatchResponse response = sns.publishBatch(r -> r.topicArn(s.topic()).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("one").build(),
                PublishBatchRequestEntry.builder().id("b").message("two").build(),
                PublishBatchRequestEntry.builder().id("c").message("bad")
                        .messageAttributes(Map.of("n", number("NaN-ish"))).build()));
        assertThat(response.successful()).extracting(e -> e.id()).containsExactly("a", "b");
        assertThat(response.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("c");
            assertThat(f.code()).isEqualTo("ParameterValueInvalid");
            assertThat(f.senderFault()).isTrue();
        });
        assertThat(drain(sqs, s.queueUrl())).extracting(Message::body).containsExactlyInAnyOrder("one", "two");

        assertThatThrownBy(() -> sns.publishBatch(r -> r.topicArn(s.topic()).publishBatchRequestEntries(List.of())))
                .isInstanceOf(EmptyBatchRequestException.class);
        assertThatThrownBy(() -> sns.publishBatch(r -> r.topicArn(s.topic()).publishBatchRequestEntries(IntStream.range(0, 11)
                .mapToObj(i -> PublishBatchRequestEntry.builder().id("e" + i).message("m").build()).toList())))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class);
        assertThatThrownBy(() -> sns.publishBatch(r -> r.topicArn(s.topic()).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("x").message("m").build(),
                PublishBatchRequestEntry.builder().id("x").message("m").build())))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class);
    }

    @Test
    void failedDeliveriesGoToTheSubscriptionsDeadLetterQueue() {
        String topic = sns.createTopic(r -> r.name(unique("t"))).topicArn();
        String dlq = sqs.createQueue(r -> r.queueName(unique("dlq"))).queueUrl();
        sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:" + unique("missing"))
                .attributes(Map.of("RawMessageDelivery", "true",
                        "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + queueArn(sqs, dlq) + "\"}")));
        sns.publish(r -> r.topicArn(topic).message("undeliverable"));
        assertThat(drain(sqs, dlq)).extracting(Message::body).containsExactly("undeliverable");
    }
}
