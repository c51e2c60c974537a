package io.kasumi.services.sns;

import java.util.Map;

/**
 * What SNS offers services that notify through topics (CloudWatch alarm actions, S3 event
 * notifications): a Publish to a topic named by its ARN, through the same fan-out as the API.
 */
@FunctionalInterface
public interface TopicPublisher {

    /**
     * @param subject    null for none
     * @param attributes String-typed message attributes, may be empty
     * @return the message id, or empty when no topic has that ARN
     */
    java.util.Optional<String> publish(String topicArn, String subject, String message, Map<String, String> attributes);
}
