package io.kasumi.services.sqs;

import io.kasumi.Kasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With --data-dir, queues and messages (and their delivery state) survive a restart. */
class SqsDurabilityTest {

    @Test
    void queuesAndMessagesSurviveARestart(@TempDir Path dataDir) {
        String url;
        String inFlightId;
        try (Kasumi kasumi = Kasumi.builder().port(0).dataDir(dataDir).start(); SqsClient sqs = SqsClients.sqs(kasumi)) {
            url = sqs.createQueue(r -> r.queueName("durable").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "3600"))
                    .tags(Map.of("keep", "yes"))).queueUrl();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("first"));
            inFlightId = sqs.receiveMessage(r -> r.queueUrl(url)).messages().getFirst().messageId();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("second"));
        }

        try (Kasumi kasumi = Kasumi.builder().port(0).dataDir(dataDir).start(); SqsClient sqs = SqsClients.sqs(kasumi)) {
            String again = sqs.getQueueUrl(r -> r.queueName("durable")).queueUrl();
            assertThat(sqs.listQueueTags(r -> r.queueUrl(again)).tags()).containsEntry("keep", "yes");
            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(again).attributeNamesWithStrings("All")).attributesAsStrings())
                    .containsEntry("VisibilityTimeout", "3600")
                    .containsEntry("ApproximateNumberOfMessages", "1")
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "1");
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(again).maxNumberOfMessages(10)).messages();
            assertThat(received).extracting(Message::body).containsExactly("second");
            assertThat(received.getFirst().messageId()).isNotEqualTo(inFlightId);
            String third = sqs.sendMessage(r -> r.queueUrl(again).messageBody("third")).messageId();
            assertThat(third).isNotBlank();

            kasumi.reset();
            assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName("durable"))).isInstanceOf(QueueDoesNotExistException.class);
        }
    }
}
