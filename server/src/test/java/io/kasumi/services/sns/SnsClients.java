package io.kasumi.services.sns;

import io.kasumi.Kasumi;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SNS and SQS clients against a test Kasumi, and small helpers the SNS tests share. */
final class SnsClients {

    static SnsClient sns(Kasumi kasumi) {
        return SnsClient.builder()
                .endpointOverride(URI.create(kasumi.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static SqsClient sqs(Kasumi kasumi) {
        return SqsClient.builder()
                .endpointOverride(URI.create(kasumi.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(40)).build())
                .build();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The awsQuery error code the client saw (InvalidParameter, NotFound ...). */
    static String code(Throwable error) {
        return ((SnsException) error).awsErrorDetails().errorCode();
    }

    static String queueArn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
    }

    /** Every message now on the queue (deliveries are in-process, so they are there when Publish answers). */
    static List<Message> drain(SqsClient sqs, String url) {
        List<Message> out = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .messageAttributeNames("All").messageSystemAttributeNamesWithStrings("All")).messages();
            if (batch.isEmpty()) {
                return out;
            }
            out.addAll(batch);
            sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(batch.stream().map(m ->
                    software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry.builder()
                            .id(m.messageId().replace("-", "")).receiptHandle(m.receiptHandle()).build()).toList()));
        }
    }

    private SnsClients() {
    }
}
