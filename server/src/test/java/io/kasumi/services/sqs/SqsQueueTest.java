package io.kasumi.services.sqs;

import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDeletedRecentlyException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kasumi.services.sqs.SqsClients.code;
import static io.kasumi.services.sqs.SqsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SqsQueueTest {
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        sqs = kasumi.client(SqsClients::sqs);
    }

    @Test
    void createQueueAnswersUrlUnderTheEndpointAndGetQueueUrlFindsIt() {
        String name = unique("orders");

        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();

        assertThat(url).isEqualTo(kasumi.endpoint() + "/000000000000/" + name);
        assertThat(sqs.getQueueUrl(r -> r.queueName(name)).queueUrl()).isEqualTo(url);
        assertThat(sqs.getQueueUrl(r -> r.queueName(name).queueOwnerAWSAccountId("000000000000")).queueUrl()).isEqualTo(url);
    }

    @Test
    void getQueueUrlOfUnknownQueueIsQueueDoesNotExist() {
        assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName("never-created")))
                .isInstanceOf(QueueDoesNotExistException.class)
                .hasMessageContaining("The specified queue does not exist.");
    }

    @Test
    void createQueueIsIdempotentForTheSameAttributesAndRefusesDifferentOnes() {
        String name = unique("idem");
        String url = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();

        assertThat(sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl())
                .isEqualTo(url);
        assertThat(sqs.createQueue(r -> r.queueName(name)).queueUrl()).isEqualTo(url);
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "61"))))
                .isInstanceOf(QueueNameExistsException.class)
                .hasMessageContaining("different value for attribute VisibilityTimeout");
    }

    @Test
    void rejectsQueueNamesAwsRejects() {
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("has space")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"))
                .hasMessageContaining("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("x".repeat(81))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("plain.fifo")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("nofifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))))
                .hasMessageContaining("must end with .fifo suffix");
    }

    @Test
    void fifoQueueReportsItsFifoAttributes() {
        String name = unique("jobs") + ".fifo";
        String url = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();

        Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings();

        assertThat(attributes).containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "true")
                .containsEntry("DeduplicationScope", "queue").containsEntry("FifoThroughputLimit", "perQueue");
    }

    @Test
    void fifoOnlyAttributesAreUnknownOnStandardQueues() {
        String url = sqs.createQueue(r -> r.queueName(unique("std"))).queueUrl();

        assertThatThrownBy(() -> sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))))
                .isInstanceOf(InvalidAttributeNameException.class)
                .hasMessageContaining("Unknown Attribute ContentBasedDeduplication.");
    }

    @Test
    void getQueueAttributesAllReportsDefaultsTimestampsAndArn() {
        String name = unique("attrs");
        Instant before = kasumi.clock().instant();
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();

        Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings();

        assertThat(attributes)
                .containsEntry("QueueArn", "arn:aws:sqs:us-east-1:000000000000:" + name)
                .containsEntry("VisibilityTimeout", "30")
                .containsEntry("DelaySeconds", "0")
                .containsEntry("MaximumMessageSize", "1048576")
                .containsEntry("MessageRetentionPeriod", "345600")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "0")
                .containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "0")
                .containsEntry("SqsManagedSseEnabled", "true")
                .doesNotContainKey("FifoQueue");
        assertThat(Long.parseLong(attributes.get("CreatedTimestamp"))).isCloseTo(before.getEpochSecond(), within(2L));
        assertThat(attributes.get("LastModifiedTimestamp")).isEqualTo(attributes.get("CreatedTimestamp"));
    }

    @Test
    void getQueueAttributesAnswersOnlyTheNamedOnesAndRefusesUnknownNames() {
        String url = sqs.createQueue(r -> r.queueName(unique("named"))).queueUrl();

        GetQueueAttributesResponse response = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.QUEUE_ARN));

        assertThat(response.attributesAsStrings()).containsOnlyKeys("VisibilityTimeout", "QueueArn");
        assertThatThrownBy(() -> sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("Bogus")))
                .isInstanceOf(InvalidAttributeNameException.class)
                .hasMessageContaining("Unknown Attribute Bogus.");
    }

    @Test
    void setQueueAttributesValidatesEveryRange() {
        String url = sqs.createQueue(r -> r.queueName(unique("ranges"))).queueUrl();
        Map<QueueAttributeName, String> bad = Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "43201",
                QueueAttributeName.DELAY_SECONDS, "901",
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, "59",
                QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1048577",
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "21",
                QueueAttributeName.POLICY, "not json");
        bad.forEach((name, value) -> assertThatThrownBy(() -> sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(name, value))))
                .as(name.toString())
                .isInstanceOf(InvalidAttributeValueException.class)
                .hasMessageContaining("Invalid value for the parameter " + name));
    }

    @Test
    void setQueueAttributesChangesValuesAndLastModified() {
        String url = sqs.createQueue(r -> r.queueName(unique("change"))).queueUrl();
        kasumi.clock().advance(Duration.ofSeconds(10));

        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "120",
                QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "2048", QueueAttributeName.KMS_MASTER_KEY_ID, "alias/aws/sqs")));

        Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings();
        assertThat(attributes).containsEntry("VisibilityTimeout", "120").containsEntry("MaximumMessageSize", "2048")
                .containsEntry("KmsMasterKeyId", "alias/aws/sqs");
        assertThat(Long.parseLong(attributes.get("LastModifiedTimestamp"))).isGreaterThan(Long.parseLong(attributes.get("CreatedTimestamp")));
    }

    @Test
    void redrivePolicyMustNameAnExistingQueue() {
        String url = sqs.createQueue(r -> r.queueName(unique("src"))).queueUrl();

        assertThatThrownBy(() -> sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:missing\",\"maxReceiveCount\":3}"))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValue"))
                .hasMessageContaining("Dead letter target does not exist.");
        assertThatThrownBy(() -> sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, "{"))))
                .hasMessageContaining("Redrive policy is not a valid JSON map.");
    }

    @Test
    void listQueuesFiltersByPrefixAndPages() {
        String prefix = unique("list");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = prefix + "-" + i;
            created.add(sqs.createQueue(r -> r.queueName(name)).queueUrl());
        }

        assertThat(sqs.listQueues(r -> r.queueNamePrefix(prefix)).queueUrls()).containsExactlyElementsOf(created);
        ListQueuesResponse first = sqs.listQueues(r -> r.queueNamePrefix(prefix).maxResults(2));
        assertThat(first.queueUrls()).containsExactlyElementsOf(created.subList(0, 2));
        assertThat(first.nextToken()).isNotNull();
        List<String> all = new ArrayList<>();
        sqs.listQueuesPaginator(r -> r.queueNamePrefix(prefix).maxResults(2)).queueUrls().forEach(all::add);
        assertThat(all).containsExactlyElementsOf(created);
    }

    @Test
    void deletedQueueIsGoneAndItsNameWaitsSixtySeconds() {
        String name = unique("gone");
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();

        sqs.deleteQueue(r -> r.queueUrl(url));

        assertThatThrownBy(() -> sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All")))
                .isInstanceOf(QueueDoesNotExistException.class);
        assertThatThrownBy(() -> sqs.deleteQueue(r -> r.queueUrl(url))).isInstanceOf(QueueDoesNotExistException.class);
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName(name))).isInstanceOf(QueueDeletedRecentlyException.class);
        kasumi.clock().advance(Duration.ofSeconds(61));
        assertThat(sqs.createQueue(r -> r.queueName(name)).queueUrl()).isEqualTo(url);
    }

    @Test
    void tagsAreAddedListedAndRemoved() {
        String url = sqs.createQueue(r -> r.queueName(unique("tags")).tags(Map.of("team", "payments"))).queueUrl();

        sqs.tagQueue(r -> r.queueUrl(url).tags(Map.of("env", "dev", "team", "billing")));
        assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).isEqualTo(Map.of("env", "dev", "team", "billing"));

        sqs.untagQueue(r -> r.queueUrl(url).tagKeys("team"));
        assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).isEqualTo(Map.of("env", "dev"));
    }

    @Test
    void purgeEmptiesTheQueueOncePerMinute() {
        String url = sqs.createQueue(r -> r.queueName(unique("purge"))).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("one"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("two"));

        sqs.purgeQueue(r -> r.queueUrl(url));

        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()).isEmpty();
        assertThatThrownBy(() -> sqs.purgeQueue(r -> r.queueUrl(url)))
                .isInstanceOf(PurgeQueueInProgressException.class)
                .hasMessageContaining("Only one PurgeQueue operation on");
        kasumi.clock().advance(Duration.ofSeconds(61));
        sqs.purgeQueue(r -> r.queueUrl(url));
    }

    @Test
    void acceptsRegionalQueueUrlHosts() {
        String name = unique("regional");
        sqs.createQueue(r -> r.queueName(name));
        String regional = "http://sqs.us-east-1.localhost:" + kasumi.port() + "/000000000000/" + name;

        sqs.sendMessage(r -> r.queueUrl(regional).messageBody("hello"));

        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(regional).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributesAsStrings()).containsEntry("ApproximateNumberOfMessages", "1");
    }

    @Test
    void malformedQueueUrlIsInvalidAddress() {
        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl("http://localhost:4566/not-a-queue-url").messageBody("x")))
                .isInstanceOf(SqsException.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidAddress"));
    }

    @Test
    void jsonErrorsCarryTheLegacyQueryCode() {
        HttpResponse<String> response = TestKasumi.send(HttpRequest.newBuilder(URI.create(kasumi.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS.GetQueueUrl")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sqs/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64))
                .header("X-Amz-Date", "20260101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString("{\"QueueName\":\"nope\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-query-error")).hasValue("AWS.SimpleQueueService.NonExistentQueue;Sender");
        assertThat(response.body()).contains("QueueDoesNotExist");
    }

    @Test
    void listDeadLetterSourceQueuesNamesQueuesRedrivingHere() {
        String dlqUrl = sqs.createQueue(r -> r.queueName(unique("dlq"))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributesAsStrings().get("QueueArn");
        String policy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}";
        String source = sqs.createQueue(r -> r.queueName(unique("source")).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy))).queueUrl();

        assertThat(sqs.listDeadLetterSourceQueues(r -> r.queueUrl(dlqUrl)).queueUrls()).containsExactly(source);
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(source).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributesAsStrings().get("RedrivePolicy")).isEqualTo("{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":2}");
    }
}
