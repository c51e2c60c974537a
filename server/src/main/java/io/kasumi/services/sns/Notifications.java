package io.kasumi.services.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * The JSON documents SNS sends subscribers: the Notification envelope (for non-raw SQS, HTTP,
 * email-json) and the SubscriptionConfirmation, signed, with URLs under this Kasumi's endpoint.
 */
final class Notifications {
    static final String CERTIFICATE_PATH = "/SimpleNotificationService.pem";
    static final String CONFIRM_PATH = "/confirm";
    static final String UNSUBSCRIBE_PATH = "/unsubscribe";
    private static final String BASE = "/_kasumi/sns";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final MessageSigner signer;

    Notifications(MessageSigner signer) {
        this.signer = signer;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static String unsubscribeUrl(String endpoint, String subscriptionArn) {
        return endpoint + BASE + UNSUBSCRIBE_PATH + "?SubscriptionArn=" + encode(subscriptionArn);
    }

    static String subscribeUrl(String endpoint, String topicArn, String token) {
        return endpoint + BASE + CONFIRM_PATH + "?TopicArn=" + encode(topicArn) + "&Token=" + encode(token);
    }

    static String certificateUrl(String endpoint) {
        return endpoint + BASE + CERTIFICATE_PATH;
    }

    /** The Notification envelope of one publication for one subscriber. */
    String notification(String endpoint, TopicRecord topic, SubscriptionRecord subscription, Publication publication) {
        String version = topic.attributes().getOrDefault(TopicAttributes.SIGNATURE_VERSION, "1");
        String message = publication.messageFor(subscription.protocol());
        String timestamp = timestamp(publication.timestamp());
        StringBuilder canonical = new StringBuilder()
                .append("Message\n").append(message).append('\n')
                .append("MessageId\n").append(publication.messageId()).append('\n');
        if (publication.subject() != null) {
            canonical.append("Subject\n").append(publication.subject()).append('\n');
        }
        canonical.append("Timestamp\n").append(timestamp).append('\n')
                .append("TopicArn\n").append(topic.arn()).append('\n')
                .append("Type\nNotification\n");

        ObjectNode node = json.createObjectNode();
        node.put("Type", "Notification");
        node.put("MessageId", publication.messageId());
        if (publication.sequenceNumber() != null) {
            node.put("SequenceNumber", publication.sequenceNumber());
        }
        node.put("TopicArn", topic.arn());
        if (publication.subject() != null) {
            node.put("Subject", publication.subject());
        }
        node.put("Message", message);
        node.put("Timestamp", timestamp);
        node.put("SignatureVersion", version);
        node.put("Signature", signer.sign(canonical.toString(), version));
        node.put("SigningCertURL", certificateUrl(endpoint));
        node.put("UnsubscribeURL", unsubscribeUrl(endpoint, subscription.arn()));
        if (!publication.attributes().isEmpty()) {
            ObjectNode attributes = node.putObject("MessageAttributes");
            publication.attributes().forEach((name, attribute) -> attributes.putObject(name)
                    .put("Type", attribute.dataType())
                    .put("Value", attribute.binary()
                            ? Base64.getEncoder().encodeToString(attribute.binaryValue()) : attribute.stringValue()));
        }
        return write(node);
    }

    /** The SubscriptionConfirmation an http(s) endpoint receives (and an email subscriber reads). */
    String confirmation(String endpoint, TopicRecord topic, SubscriptionRecord subscription, String messageId, Instant now) {
        String version = topic.attributes().getOrDefault(TopicAttributes.SIGNATURE_VERSION, "1");
        String message = confirmationText(topic.arn());
        String subscribeUrl = subscribeUrl(endpoint, topic.arn(), subscription.token());
        String timestamp = timestamp(now);
        String canonical = "Message\n" + message + "\nMessageId\n" + messageId + "\nSubscribeURL\n" + subscribeUrl
                + "\nTimestamp\n" + timestamp + "\nToken\n" + subscription.token() + "\nTopicArn\n" + topic.arn()
                + "\nType\nSubscriptionConfirmation\n";
        ObjectNode node = json.createObjectNode();
        node.put("Type", "SubscriptionConfirmation");
        node.put("MessageId", messageId);
        node.put("Token", subscription.token());
        node.put("TopicArn", topic.arn());
        node.put("Message", message);
        node.put("SubscribeURL", subscribeUrl);
        node.put("Timestamp", timestamp);
        node.put("SignatureVersion", version);
        node.put("Signature", signer.sign(canonical, version));
        node.put("SigningCertURL", certificateUrl(endpoint));
        return write(node);
    }

    static String confirmationText(String topicArn) {
        return "You have chosen to subscribe to the topic " + topicArn
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The headers SNS puts on every HTTP delivery. */
    static Map<String, String> httpHeaders(String type, String messageId, String topicArn, String subscriptionArn) {
        return subscriptionArn == null
                ? Map.of("x-amz-sns-message-type", type, "x-amz-sns-message-id", messageId, "x-amz-sns-topic-arn", topicArn)
                : Map.of("x-amz-sns-message-type", type, "x-amz-sns-message-id", messageId, "x-amz-sns-topic-arn", topicArn,
                "x-amz-sns-subscription-arn", subscriptionArn);
    }
}
