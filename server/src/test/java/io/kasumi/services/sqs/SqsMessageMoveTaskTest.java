package io.kasumi.services.sqs;

import io.kasumi.RunningKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ResourceNotFoundException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kasumi.services.sqs.SqsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Message move tasks redrive a dead-letter queue at their rate, on the virtual clock. */
class SqsMessageMoveTaskTest {
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        sqs = kasumi.client(SqsClients::sqs);
    }

    private record Pair(String sourceUrl, String dlqUrl, String dlqArn) {
    }

    private static String arn(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private static int visible(String url) {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** A source queue whose messages went to its dead-letter queue after one receive each. */
    private static Pair deadLettered(int messages) {
        String dlq = sqs.createQueue(r -> r.queueName(unique("dlq"))).queueUrl();
        String dlqArn = arn(dlq);
        String source = sqs.createQueue(r -> r.queueName(unique("src")).attributesWithStrings(Map.of(
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}",
                "VisibilityTimeout", "1"))).queueUrl();
        for (int i = 0; i < messages; i++) {
            int n = i;
            sqs.sendMessage(r -> r.queueUrl(source).messageBody("m" + n));
        }
        for (int i = 0; i < messages; i += 10) {
            sqs.receiveMessage(r -> r.queueUrl(source).maxNumberOfMessages(10));
        }
        kasumi.clock().advance(Duration.ofSeconds(2));
        sqs.receiveMessage(r -> r.queueUrl(source).maxNumberOfMessages(10));
        assertThat(visible(dlq)).isEqualTo(messages);
        return new Pair(source, dlq, dlqArn);
    }

    private static ListMessageMoveTasksResultEntry latest(String sourceArn) {
        return sqs.listMessageMoveTasks(r -> r.sourceArn(sourceArn)).results().getFirst();
    }

    @Test
    void movesMessagesBackToTheirSourceAtTheRate() {
        Pair pair = deadLettered(5);
        kasumi.clock().freeze();
        try {
            String handle = sqs.startMessageMoveTask(r -> r.sourceArn(pair.dlqArn()).maxNumberOfMessagesPerSecond(2)).taskHandle();

            ListMessageMoveTasksResultEntry started = latest(pair.dlqArn());
            assertThat(started.status()).isEqualTo("RUNNING");
            assertThat(started.taskHandle()).isEqualTo(handle);
            assertThat(started.approximateNumberOfMessagesToMove()).isEqualTo(5);
            assertThat(started.approximateNumberOfMessagesMoved()).isZero();
            assertThat(started.maxNumberOfMessagesPerSecond()).isEqualTo(2);

            kasumi.clock().advance(Duration.ofSeconds(1));
            assertThat(latest(pair.dlqArn()).approximateNumberOfMessagesMoved()).isEqualTo(2);
            assertThat(visible(pair.sourceUrl())).isEqualTo(2);

            kasumi.clock().advance(Duration.ofSeconds(5));
            ListMessageMoveTasksResultEntry done = latest(pair.dlqArn());
            assertThat(done.status()).isEqualTo("COMPLETED");
            assertThat(done.taskHandle()).isNull();
            assertThat(done.approximateNumberOfMessagesMoved()).isEqualTo(5);
        } finally {
            kasumi.clock().resume();
        }
        assertThat(visible(pair.dlqUrl())).isZero();
        List<Message> back = new ArrayList<>();
        for (int i = 0; i < 3 && back.size() < 5; i++) {
            back.addAll(sqs.receiveMessage(r -> r.queueUrl(pair.sourceUrl()).maxNumberOfMessages(10)
                    .messageSystemAttributeNamesWithStrings("All")).messages());
        }
        assertThat(back).extracting(Message::body).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4");
        assertThat(back.getFirst().attributesAsStrings()).containsEntry("ApproximateReceiveCount", "1")
                .doesNotContainKey("DeadLetterQueueSourceArn");
    }

    @Test
    void movesToAGivenDestinationAndCanBeCancelled() {
        Pair pair = deadLettered(3);
        String destination = sqs.createQueue(r -> r.queueName(unique("dest"))).queueUrl();
        kasumi.clock().freeze();
        try {
            String handle = sqs.startMessageMoveTask(r -> r.sourceArn(pair.dlqArn()).destinationArn(arn(destination))
                    .maxNumberOfMessagesPerSecond(1)).taskHandle();
            assertThatThrownBy(() -> sqs.startMessageMoveTask(r -> r.sourceArn(pair.dlqArn())))
                    .hasMessageContaining("Only one active task is allowed");
            kasumi.clock().advance(Duration.ofSeconds(1));

            long moved = sqs.cancelMessageMoveTask(r -> r.taskHandle(handle)).approximateNumberOfMessagesMoved();
            kasumi.clock().advance(Duration.ofSeconds(10));

            assertThat(moved).isEqualTo(1);
            assertThat(latest(pair.dlqArn()).status()).isEqualTo("CANCELLED");
            assertThat(visible(destination)).isEqualTo(1);
            assertThat(visible(pair.dlqUrl())).isEqualTo(2);
            assertThatThrownBy(() -> sqs.cancelMessageMoveTask(r -> r.taskHandle(handle)))
                    .hasMessageContaining("Only active tasks can be cancelled.");
        } finally {
            kasumi.clock().resume();
        }
    }

    @Test
    void listsNewestFirst() {
        Pair pair = deadLettered(1);
        sqs.startMessageMoveTask(r -> r.sourceArn(pair.dlqArn()));
        kasumi.clock().advance(Duration.ofSeconds(1));
        assertThat(latest(pair.dlqArn()).status()).isEqualTo("COMPLETED");
        kasumi.clock().advance(Duration.ofSeconds(1));
        sqs.startMessageMoveTask(r -> r.sourceArn(pair.dlqArn()));

        List<ListMessageMoveTasksResultEntry> tasks = sqs.listMessageMoveTasks(r -> r.sourceArn(pair.dlqArn()).maxResults(10)).results();

        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).startedTimestamp()).isGreaterThan(tasks.get(1).startedTimestamp());
    }

    @Test
    void refusesSourcesThatAreNotDeadLetterQueues() {
        String plain = sqs.createQueue(r -> r.queueName(unique("plain"))).queueUrl();

        assertThatThrownBy(() -> sqs.startMessageMoveTask(r -> r.sourceArn(arn(plain))))
                .hasMessageContaining("Source queue must be configured as a Dead Letter Queue.");
        assertThatThrownBy(() -> sqs.startMessageMoveTask(r -> r.sourceArn("arn:aws:sqs:us-east-1:000000000000:nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> sqs.cancelMessageMoveTask(r -> r.taskHandle("bogus")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
