package io.kasumi.services.sqs;

import io.kasumi.RunningKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.kasumi.services.sqs.SqsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ReceiveRequestAttemptId: a FIFO receive retried within five minutes answers the same messages. */
class SqsReceiveAttemptTest {
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        sqs = kasumi.client(SqsClients::sqs);
    }

    private static String fifoWith(String... bodies) {
        String url = sqs.createQueue(r -> r.queueName(unique("attempt") + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        for (String body : bodies) {
            sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageGroupId("g"));
        }
        return url;
    }

    private static List<Message> receive(String url, String attemptId) {
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).receiveRequestAttemptId(attemptId)).messages();
    }

    @Test
    void retryAnswersTheSameMessagesAndReceiptHandles() {
        String url = fifoWith("one", "two");
        List<Message> first = receive(url, "attempt-1");

        List<Message> retried = receive(url, "attempt-1");

        assertThat(first).extracting(Message::body).containsExactly("one");
        assertThat(retried).extracting(Message::receiptHandle).containsExactlyElementsOf(
                first.stream().map(Message::receiptHandle).toList());
        assertThat(receive(url, "attempt-2")).isEmpty();
    }

    @Test
    void retryResetsTheVisibilityTimeout() {
        String url = fifoWith("one");
        Message first = receive(url, "a").getFirst();

        kasumi.clock().advance(Duration.ofSeconds(20));
        receive(url, "a");
        kasumi.clock().advance(Duration.ofSeconds(20));

        // 40 s after the first receive, but only 20 s after the retry: still in flight
        assertThat(receive(url, "other")).isEmpty();
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(first.receiptHandle()));
    }

    @Test
    void retryAfterTheMessagesChangedIsAFreshReceive() {
        String url = fifoWith("one", "two");
        Message first = receive(url, "a").getFirst();
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(first.receiptHandle()));

        assertThat(receive(url, "a")).extracting(Message::body).containsExactly("two");
    }

    @Test
    void attemptsExpireAfterFiveMinutes() {
        String url = fifoWith("one");
        Message first = receive(url, "a").getFirst();

        kasumi.clock().advance(Duration.ofMinutes(6));

        Message again = receive(url, "a").getFirst();
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.receiptHandle()).isNotEqualTo(first.receiptHandle());
    }

    @Test
    void rejectsMalformedAttemptIds() {
        String url = fifoWith("one");

        assertThatThrownBy(() -> receive(url, "has space"))
                .hasMessageContaining("for parameter ReceiveRequestAttemptId is invalid");
    }
}
