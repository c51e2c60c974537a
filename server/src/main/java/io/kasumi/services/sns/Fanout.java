package io.kasumi.services.sns;

import io.kasumi.api.AwsException;
import io.kasumi.services.ServiceLinks;
import io.kasumi.services.sqs.QueueDelivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delivers a publication to every confirmed subscription whose filter policy it passes: SQS in
 * process (raw or enveloped), http/https in the background, email, SMS and platform endpoints into
 * the captured list.
 * A delivery that fails goes to the subscription's dead-letter queue when it has one.
 */
final class Fanout {
    private static final String DEFAULT_EMAIL_SUBJECT = "AWS Notification Message";

    private final ServiceLinks links;
    private final FilterPolicies filters;
    private final Notifications notifications;
    private final CapturedMessages captured;
    private final HttpDeliveries http;
    private final PlatformRegistry platforms;

    Fanout(ServiceLinks links, FilterPolicies filters, Notifications notifications, CapturedMessages captured,
           HttpDeliveries http, PlatformRegistry platforms) {
        this.platforms = platforms;
        this.links = links;
        this.filters = filters;
        this.notifications = notifications;
        this.captured = captured;
        this.http = http;
    }

    void deliver(String endpoint, TopicRecord topic, List<SubscriptionRecord> subscriptions, Publication publication) {
        for (SubscriptionRecord subscription : subscriptions) {
            if (subscription.confirmed()
                    && filters.matches(subscription, publication.attributes(), publication.messageFor(subscription.protocol()))) {
                deliver(endpoint, topic, subscription, publication);
            }
        }
    }

    private void deliver(String endpoint, TopicRecord topic, SubscriptionRecord subscription, Publication publication) {
        String message = publication.messageFor(subscription.protocol());
        switch (subscription.protocol()) {
            case "sqs" -> {
                boolean raw = subscription.raw();
                String body = raw ? message : notifications.notification(endpoint, topic, subscription, publication);
                Map<String, QueueDelivery.MessageAttribute> attributes = raw ? queueAttributes(publication) : Map.of();
                if (!toQueue(subscription.endpoint(), body, attributes, publication)) {
                    deadLetter(subscription, body, attributes, publication);
                }
            }
            case "http", "https" -> {
                boolean raw = subscription.raw();
                String body = raw ? message : notifications.notification(endpoint, topic, subscription, publication);
                Map<String, String> headers = new LinkedHashMap<>(Notifications.httpHeaders("Notification",
                        publication.messageId(), topic.arn(), subscription.arn()));
                if (raw) {
                    headers.put("x-amz-sns-rawdelivery", "true");
                }
                http.post(subscription.endpoint(), headers, body,
                        () -> deadLetter(subscription, body, raw ? queueAttributes(publication) : Map.of(), publication));
            }
            case "email" -> capture(subscription, publication,
                    publication.subject() == null ? DEFAULT_EMAIL_SUBJECT : publication.subject(), message);
            case "email-json" -> capture(subscription, publication, publication.subject(),
                    notifications.notification(endpoint, topic, subscription, publication));
            case "sms" -> capture(subscription, publication, null, message);
            case "application" -> platforms.endpoint(subscription.endpoint()).filter(EndpointRecord::enabled)
                    .ifPresent(device -> captured.add(new CapturedMessages.Captured("Notification", "application",
                            device.arn(), subscription.topicArn(), subscription.arn(), publication.messageId(), null,
                            publication.messageFor(device.platform()), Notifications.timestamp(publication.timestamp()),
                            null, null)));
            default -> {
                // lambda and firehose subscriptions are kept; they receive nothing until their
                // services run in this Kasumi
            }
        }
    }

    /** Sends the SubscriptionConfirmation of a pending http(s) or email subscription. */
    void requestConfirmation(String endpoint, TopicRecord topic, SubscriptionRecord subscription, Instant now) {
        String messageId = UUID.randomUUID().toString();
        String document = notifications.confirmation(endpoint, topic, subscription, messageId, now);
        String subscribeUrl = Notifications.subscribeUrl(endpoint, topic.arn(), subscription.token());
        switch (subscription.protocol()) {
            case "http", "https" -> http.post(subscription.endpoint(),
                    Notifications.httpHeaders("SubscriptionConfirmation", messageId, topic.arn(), null), document, () -> {
                    });
            case "email", "email-json" -> captured.add(new CapturedMessages.Captured("SubscriptionConfirmation",
                    subscription.protocol(), subscription.endpoint(), topic.arn(), null, messageId,
                    "AWS Notification - Subscription Confirmation",
                    subscription.protocol().equals("email-json") ? document
                            : Notifications.confirmationText(topic.arn()) + "\n" + subscribeUrl,
                    Notifications.timestamp(now), subscribeUrl, subscription.token()));
            default -> {
                // other protocols are confirmed when they subscribe
            }
        }
    }

    /** Publishing straight to a phone number. */
    void sms(String phoneNumber, Publication publication) {
        captured.add(new CapturedMessages.Captured("Notification", "sms", phoneNumber, null, null,
                publication.messageId(), null, publication.message(), Notifications.timestamp(publication.timestamp()),
                null, null));
    }

    /** Publishing straight to a platform endpoint: the message for its platform (APNS, GCM ...) is captured. */
    void toEndpoint(EndpointRecord endpoint, Publication publication) {
        captured.add(new CapturedMessages.Captured("Notification", "application", endpoint.arn(), null, null,
                publication.messageId(), null, publication.messageFor(endpoint.platform()),
                Notifications.timestamp(publication.timestamp()), null, null));
    }

    private void capture(SubscriptionRecord subscription, Publication publication, String subject, String message) {
        captured.add(new CapturedMessages.Captured("Notification", subscription.protocol(), subscription.endpoint(),
                subscription.topicArn(), subscription.arn(), publication.messageId(), subject, message,
                Notifications.timestamp(publication.timestamp()), null, null));
    }

    private boolean toQueue(String queueArn, String body, Map<String, QueueDelivery.MessageAttribute> attributes,
                            Publication publication) {
        QueueDelivery queues = links.find(QueueDelivery.class).orElse(null);
        if (queues == null) {
            return false;
        }
        boolean fifoQueue = queueArn.endsWith(".fifo");
        try {
            return queues.deliver(queueArn, body, attributes,
                    fifoQueue ? publication.groupId() : null, fifoQueue ? publication.deduplicationId() : null);
        } catch (AwsException e) {
            return false;
        }
    }

    private void deadLetter(SubscriptionRecord subscription, String body, Map<String, QueueDelivery.MessageAttribute> attributes,
                            Publication publication) {
        String policy = subscription.attributes().get(SubscriptionRecord.REDRIVE_POLICY);
        if (policy != null && !policy.isEmpty()) {
            toQueue(SubscriptionAttributes.deadLetterTarget(policy), body, attributes, publication);
        }
    }

    /** Message attributes as raw delivery hands them to SQS (String.Array keeps its type name). */
    private static Map<String, QueueDelivery.MessageAttribute> queueAttributes(Publication publication) {
        Map<String, QueueDelivery.MessageAttribute> out = new LinkedHashMap<>();
        publication.attributes().forEach((name, a) ->
                out.put(name, new QueueDelivery.MessageAttribute(a.dataType(), a.stringValue(), a.binaryValue())));
        return out;
    }
}
