package io.kasumi.services.sqs;

import io.kasumi.RunningKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.kasumi.services.sqs.SqsClients.code;
import static io.kasumi.services.sqs.SqsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsMessageTest {
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        sqs = kasumi.client(SqsClients::sqs);
    }

    private static String queue(Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(r -> r.queueName(unique("q")).attributes(attributes)).queueUrl();
    }

    private static String fifoQueue(Map<QueueAttributeName, String> extra) {
        Map<QueueAttributeName, String> attributes = new java.util.HashMap<>(extra);
        attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        return sqs.createQueue(r -> r.queueName(unique("f") + ".fifo").attributes(attributes)).queueUrl();
    }

    private static Map<String, String> counts(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings();
    }

    @Test
    void sendReceiveDeleteWithAttributesWhoseDigestsTheSdkVerifies() {
        String url = queue(Map.of());
        Map<String, MessageAttributeValue> attributes = Map.of(
                "color", MessageAttributeValue.builder().dataType("String").stringValue("blue").build(),
                "count", MessageAttributeValue.builder().dataType("Number.int").stringValue("42").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("bytes!")).build());

        SendMessageResponse sent = sqs.sendMessage(r -> r.queueUrl(url).messageBody("héllo wörld").messageAttributes(attributes)
                .messageSystemAttributesWithStrings(Map.of("AWSTraceHeader", MessageSystemAttributeValue.builder()
                        .dataType("String").stringValue("Root=1-5759e988-bd862e3fe1be46a994272793").build())));

        assertThat(sent.messageId()).isNotBlank();
        assertThat(sent.md5OfMessageBody()).isEqualTo(MessageDigests.ofBody("héllo wörld"));
        assertThat(sent.md5OfMessageAttributes()).hasSize(32);
        assertThat(sent.md5OfMessageSystemAttributes()).hasSize(32);
        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(received).hasSize(1);
        Message message = received.getFirst();
        assertThat(message.body()).isEqualTo("héllo wörld");
        assertThat(message.messageId()).isEqualTo(sent.messageId());
        assertThat(message.messageAttributes()).isEqualTo(attributes);
        assertThat(message.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(message.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1")
                .containsEntry("SenderId", "000000000000")
                .containsEntry("AWSTraceHeader", "Root=1-5759e988-bd862e3fe1be46a994272793")
                .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");

        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        kasumi.clock().advance(Duration.ofSeconds(31));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
    }

    @Test
    void digestsMatchAwsDocumentedValues() {
        // The SDK recomputes both digests and fails the call on a mismatch; this pins one known value too.
        assertThat(MessageDigests.ofBody("hello")).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(MessageDigests.ofAttributes(Map.of("attribName1", new AttributeValue("String", "attribValue 1", null))))
                .isEqualTo("19e27d4e946b072f3f58da80d94fd778");
    }

    @Test
    void messageAttributeNamesFilterByNameAndPrefix() {
        String url = queue(Map.of());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageAttributes(Map.of(
                "app.user", MessageAttributeValue.builder().dataType("String").stringValue("ann").build(),
                "app.role", MessageAttributeValue.builder().dataType("String").stringValue("admin").build(),
                "other", MessageAttributeValue.builder().dataType("String").stringValue("o").build())));

        Message message = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("app.*")).messages().getFirst();

        assertThat(message.messageAttributes()).containsOnlyKeys("app.user", "app.role");
    }

    @Test
    void receivedMessageStaysInvisibleForTheVisibilityTimeout() {
        String url = queue(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("job"));

        Message first = sqs.receiveMessage(r -> r.queueUrl(url)).messages().getFirst();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
        assertThat(counts(url)).containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "1");

        kasumi.clock().advance(Duration.ofSeconds(61));
        Message second = sqs.receiveMessage(r -> r.queueUrl(url).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .messages().getFirst();
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(second.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
    }

    @Test
    void staleReceiptHandleDeletesNothingOnStandardQueues() {
        String url = queue(Map.of());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("job"));
        Message first = sqs.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(0)).messages().getFirst();
        Message second = sqs.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(0)).messages().getFirst();

        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(first.receiptHandle()));
        assertThat(counts(url)).containsEntry("ApproximateNumberOfMessages", "1");

        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(second.receiptHandle()));
        assertThat(counts(url)).containsEntry("ApproximateNumberOfMessages", "0");
    }

    @Test
    void changeMessageVisibilityReleasesOrExtendsAMessage() {
        String url = queue(Map.of());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("job"));
        Message message = sqs.receiveMessage(r -> r.queueUrl(url)).messages().getFirst();

        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        Message again = sqs.receiveMessage(r -> r.queueUrl(url)).messages().getFirst();
        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(again.receiptHandle()).visibilityTimeout(300));
        kasumi.clock().advance(Duration.ofSeconds(100));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();

        kasumi.clock().advance(Duration.ofSeconds(201));
        assertThatThrownBy(() -> sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(again.receiptHandle()).visibilityTimeout(10)))
                .isInstanceOf(MessageNotInflightException.class);
        assertThatThrownBy(() -> sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(again.receiptHandle()).visibilityTimeout(43201)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void garbageReceiptHandleIsInvalid() {
        String url = queue(Map.of());

        assertThatThrownBy(() -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle("not-a-handle")))
                .isInstanceOf(ReceiptHandleIsInvalidException.class)
                .hasMessageContaining("not a valid receipt handle");
    }

    @Test
    void delayedMessagesAppearWhenTheDelayPasses() {
        String url = queue(Map.of(QueueAttributeName.DELAY_SECONDS, "30"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("later"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("much later").delaySeconds(600));

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
        assertThat(counts(url)).containsEntry("ApproximateNumberOfMessagesDelayed", "2");

        kasumi.clock().advance(Duration.ofSeconds(31));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(3600)).messages())
                .extracting(Message::body).containsExactly("later");
        kasumi.clock().advance(Duration.ofSeconds(600));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()).extracting(Message::body).containsExactly("much later");
    }

    @Test
    void messagesExpireAfterTheRetentionPeriod() {
        String url = queue(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("short-lived"));

        kasumi.clock().advance(Duration.ofSeconds(61));

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
        assertThat(counts(url)).containsEntry("ApproximateNumberOfMessages", "0");
    }

    @Test
    void longPollReturnsAsSoonAsAMessageIsSent() throws Exception {
        String url = queue(Map.of());
        long started = System.nanoTime();
        CompletableFuture<List<Message>> polling = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)).messages());
        Thread.sleep(300);

        sqs.sendMessage(r -> r.queueUrl(url).messageBody("wake up"));

        assertThat(polling.get(10, TimeUnit.SECONDS)).extracting(Message::body).containsExactly("wake up");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void longPollEndsEmptyWhenTheWaitRunsOut() {
        String url = queue(Map.of(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "1"));
        long started = System.nanoTime();

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void receiveValidatesItsLimits() {
        String url = queue(Map.of());

        assertThatThrownBy(() -> sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(11)))
                .hasMessageContaining("Value 11 for parameter MaxNumberOfMessages is invalid.");
        assertThatThrownBy(() -> sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(21)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void rejectsBodiesWithCharactersSqsDoesNotAllow() {
        String url = queue(Map.of());

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("bad \u0001 char")))
                .isInstanceOf(InvalidMessageContentsException.class);
    }

    @Test
    void rejectsMessagesLargerThanTheQueueAllows() {
        String url = queue(Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1024"));

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x".repeat(1025))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"))
                .hasMessageContaining("Message must be shorter than 1024 bytes");
    }

    @Test
    void batchesReportEachEntry() {
        String url = queue(Map.of());
        SendMessageBatchResponse sent = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("first").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("second").delaySeconds(5000).build(),
                SendMessageBatchRequestEntry.builder().id("c").messageBody("third").build()));

        assertThat(sent.successful()).extracting(e -> e.id()).containsExactly("a", "c");
        assertThat(sent.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("b");
            assertThat(f.code()).isEqualTo("InvalidParameterValue");
            assertThat(f.senderFault()).isTrue();
        });

        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertThat(received).extracting(Message::body).containsExactlyInAnyOrder("first", "third");
        DeleteMessageBatchResponse deleted = sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(
                e -> e.id("x").receiptHandle(received.get(0).receiptHandle()),
                e -> e.id("y").receiptHandle("garbage")));
        assertThat(deleted.successful()).extracting(e -> e.id()).containsExactly("x");
        assertThat(deleted.failed()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("ReceiptHandleIsInvalid"));
        assertThat(sqs.changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(
                e -> e.id("z").receiptHandle(received.get(1).receiptHandle()).visibilityTimeout(0))).successful()).hasSize(1);
    }

    @Test
    void batchesRefuseEmptyOversizedAndRepeatedEntries() {
        String url = queue(Map.of());
        List<SendMessageBatchRequestEntry> eleven = IntStream.range(0, 11)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("b").build()).toList();

        assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(List.of())))
                .isInstanceOf(EmptyBatchRequestException.class);
        assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(eleven)))
                .isInstanceOf(TooManyEntriesInBatchRequestException.class);
        assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("same").messageBody("1").build(),
                SendMessageBatchRequestEntry.builder().id("same").messageBody("2").build())))
                .isInstanceOf(BatchEntryIdsNotDistinctException.class);
    }

    @Test
    void fifoDeliversInOrderAndLocksAGroupWhileAMessageIsInFlight() {
        String url = fifoQueue(Map.of());
        for (String body : List.of("a1", "a2", "a3")) {
            sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageGroupId("A").messageDeduplicationId(body));
        }
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("b1").messageGroupId("B").messageDeduplicationId("b1"));

        List<Message> first = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(2)).messages();
        assertThat(first).extracting(Message::body).containsExactly("a1", "a2");
        List<Message> second = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(second).extracting(Message::body).containsExactly("b1");
        assertThat(second.getFirst().attributesAsStrings()).containsEntry("MessageGroupId", "B")
                .containsEntry("MessageDeduplicationId", "b1").containsKey("SequenceNumber");

        first.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactly("a3");
    }

    @Test
    void fifoDeduplicatesWithinFiveMinutes() {
        String url = fifoQueue(Map.of(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"));

        SendMessageResponse first = sqs.sendMessage(r -> r.queueUrl(url).messageBody("same").messageGroupId("g"));
        SendMessageResponse duplicate = sqs.sendMessage(r -> r.queueUrl(url).messageBody("same").messageGroupId("g"));
        assertThat(duplicate.messageId()).isEqualTo(first.messageId());
        assertThat(duplicate.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(first.sequenceNumber()).hasSize(20);

        kasumi.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        SendMessageResponse later = sqs.sendMessage(r -> r.queueUrl(url).messageBody("same").messageGroupId("g"));
        assertThat(later.messageId()).isNotEqualTo(first.messageId());
        assertThat(later.sequenceNumber()).isGreaterThan(first.sequenceNumber());
        assertThat(counts(url)).containsEntry("ApproximateNumberOfMessages", "2");
    }

    @Test
    void fifoSendsNeedAGroupAndADeduplicationId() {
        String url = fifoQueue(Map.of());

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageDeduplicationId("d")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("MissingParameter"))
                .hasMessageContaining("The request must contain the parameter MessageGroupId.");
        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageGroupId("g")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"))
                .hasMessageContaining("ContentBasedDeduplication");
        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageGroupId("g")
                .messageDeduplicationId("d").delaySeconds(5)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void messagesMoveToTheDeadLetterQueueAfterMaxReceiveCount() {
        String dlq = queue(Map.of());
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributesAsStrings().get("QueueArn");
        String source = queue(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":2}"));
        String id = sqs.sendMessage(r -> r.queueUrl(source).messageBody("poison")).messageId();

        for (int i = 0; i < 2; i++) {
            assertThat(sqs.receiveMessage(r -> r.queueUrl(source).visibilityTimeout(0)).messages()).hasSize(1);
        }
        assertThat(sqs.receiveMessage(r -> r.queueUrl(source)).messages()).isEmpty();

        Message dead = sqs.receiveMessage(r -> r.queueUrl(dlq).messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages().getFirst();
        assertThat(dead.messageId()).isEqualTo(id);
        assertThat(dead.body()).isEqualTo("poison");
        assertThat(dead.attributesAsStrings()).containsEntry("DeadLetterQueueSourceArn",
                dlqArn.substring(0, dlqArn.lastIndexOf(':') + 1) + source.substring(source.lastIndexOf('/') + 1));
    }

    @Test
    void sendMessageToAMissingQueueIsQueueDoesNotExist() {
        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(kasumi.endpoint() + "/000000000000/missing").messageBody("x")))
                .isInstanceOf(software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException.class);
    }

    @Test
    void unknownSystemAttributeForSendsIsRefused() {
        String url = queue(Map.of());

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("x").messageSystemAttributes(Map.of(
                MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                MessageSystemAttributeValue.builder().dataType("Number").stringValue("1").build()))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"));
    }
}
