package io.kasumi.services.sqs;

import java.util.Map;

/**
 * What SQS offers other services of the same Kasumi (SNS fan-out, later EventBridge and S3
 * notifications): putting a message on a queue named by its ARN, through the same checks and
 * send path as SendMessage.
 */
@FunctionalInterface
public interface QueueDelivery {

    /** A message attribute as SQS stores it: String/Number data in {@code stringValue}, Binary in {@code binaryValue}. */
    record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {
    }

    /**
     * Sends the message to the queue.
     *
     * @param messageGroupId required for FIFO queues, else null
     * @param deduplicationId for FIFO queues (null lets the queue's content-based deduplication decide)
     * @return false when no queue has that ARN
     * @throws io.kasumi.api.AwsException when the queue refuses the message (too large, bad attribute)
     */
    boolean deliver(String queueArn, String body, Map<String, MessageAttribute> attributes,
                    String messageGroupId, String deduplicationId);
}
