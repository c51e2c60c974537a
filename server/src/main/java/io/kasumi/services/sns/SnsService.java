package io.kasumi.services.sns;

import io.kasumi.api.AwsException;
import io.kasumi.api.RequestContext;
import io.kasumi.api.sns.BatchEntryIdsNotDistinctException;
import io.kasumi.api.sns.BatchRequestTooLongException;
import io.kasumi.api.sns.BatchResultErrorEntry;
import io.kasumi.api.sns.CheckIfPhoneNumberIsOptedOutInput;
import io.kasumi.api.sns.CheckIfPhoneNumberIsOptedOutResponse;
import io.kasumi.api.sns.ConfirmSubscriptionInput;
import io.kasumi.api.sns.ConfirmSubscriptionResponse;
import io.kasumi.api.sns.CreateTopicInput;
import io.kasumi.api.sns.CreateTopicResponse;
import io.kasumi.api.sns.DeleteTopicInput;
import io.kasumi.api.sns.EmptyBatchRequestException;
import io.kasumi.api.sns.GetDataProtectionPolicyInput;
import io.kasumi.api.sns.GetDataProtectionPolicyResponse;
import io.kasumi.api.sns.GetSubscriptionAttributesInput;
import io.kasumi.api.sns.GetSubscriptionAttributesResponse;
import io.kasumi.api.sns.GetTopicAttributesInput;
import io.kasumi.api.sns.GetTopicAttributesResponse;
import io.kasumi.api.sns.InvalidBatchEntryIdException;
import io.kasumi.api.sns.AddPermissionInput;
import io.kasumi.api.sns.CreateEndpointResponse;
import io.kasumi.api.sns.CreatePlatformApplicationInput;
import io.kasumi.api.sns.CreatePlatformApplicationResponse;
import io.kasumi.api.sns.CreatePlatformEndpointInput;
import io.kasumi.api.sns.DeleteEndpointInput;
import io.kasumi.api.sns.DeletePlatformApplicationInput;
import io.kasumi.api.sns.GetEndpointAttributesInput;
import io.kasumi.api.sns.GetEndpointAttributesResponse;
import io.kasumi.api.sns.GetPlatformApplicationAttributesInput;
import io.kasumi.api.sns.GetPlatformApplicationAttributesResponse;
import io.kasumi.api.sns.GetSMSAttributesInput;
import io.kasumi.api.sns.GetSMSAttributesResponse;
import io.kasumi.api.sns.ListEndpointsByPlatformApplicationInput;
import io.kasumi.api.sns.ListEndpointsByPlatformApplicationResponse;
import io.kasumi.api.sns.ListPlatformApplicationsInput;
import io.kasumi.api.sns.ListPlatformApplicationsResponse;
import io.kasumi.api.sns.RemovePermissionInput;
import io.kasumi.api.sns.SetEndpointAttributesInput;
import io.kasumi.api.sns.SetPlatformApplicationAttributesInput;
import io.kasumi.api.sns.SetSMSAttributesInput;
import io.kasumi.api.sns.SetSMSAttributesResponse;
import io.kasumi.api.sns.ListPhoneNumbersOptedOutInput;
import io.kasumi.api.sns.ListPhoneNumbersOptedOutResponse;
import io.kasumi.api.sns.ListSubscriptionsByTopicInput;
import io.kasumi.api.sns.ListSubscriptionsByTopicResponse;
import io.kasumi.api.sns.ListSubscriptionsInput;
import io.kasumi.api.sns.ListSubscriptionsResponse;
import io.kasumi.api.sns.ListTagsForResourceRequest;
import io.kasumi.api.sns.ListTagsForResourceResponse;
import io.kasumi.api.sns.ListTopicsInput;
import io.kasumi.api.sns.ListTopicsResponse;
import io.kasumi.api.sns.MessageAttributeValue;
import io.kasumi.api.sns.OptInPhoneNumberInput;
import io.kasumi.api.sns.OptInPhoneNumberResponse;
import io.kasumi.api.sns.PublishBatchInput;
import io.kasumi.api.sns.PublishBatchRequestEntry;
import io.kasumi.api.sns.PublishBatchResponse;
import io.kasumi.api.sns.PublishBatchResultEntry;
import io.kasumi.api.sns.PublishInput;
import io.kasumi.api.sns.PublishResponse;
import io.kasumi.api.sns.PutDataProtectionPolicyInput;
import io.kasumi.api.sns.ResourceNotFoundException;
import io.kasumi.api.sns.SetSubscriptionAttributesInput;
import io.kasumi.api.sns.SetTopicAttributesInput;
import io.kasumi.api.sns.SnsApi;
import io.kasumi.api.sns.SubscribeInput;
import io.kasumi.api.sns.SubscribeResponse;
import io.kasumi.api.sns.Subscription;
import io.kasumi.api.sns.Tag;
import io.kasumi.api.sns.TagLimitExceededException;
import io.kasumi.api.sns.TagResourceRequest;
import io.kasumi.api.sns.TagResourceResponse;
import io.kasumi.api.sns.TooManyEntriesInBatchRequestException;
import io.kasumi.api.sns.Topic;
import io.kasumi.api.sns.UnsubscribeInput;
import io.kasumi.api.sns.UntagResourceRequest;
import io.kasumi.api.sns.UntagResourceResponse;
import io.kasumi.shared.Arn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Amazon SNS: topics, subscriptions, mobile push and fan-out to SQS, HTTP, email, SMS and endpoints. */
final class SnsService implements SnsApi {
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{5,15}");
    private static final Set<String> PROTOCOLS = Set.of("http", "https", "email", "email-json", "sms", "sqs",
            "application", "lambda", "firehose");
    /** These subscribers must confirm; every other protocol is confirmed as it subscribes. */
    private static final Set<String> CONFIRMED_BY_HANDSHAKE = Set.of("http", "https", "email", "email-json");
    private static final int MAX_MESSAGE_BYTES = 262_144;
    private static final int MAX_BATCH_ENTRIES = 10;
    private static final int MAX_TAGS = 50;

    private final SnsRegistry registry;
    private final Fanout fanout;
    private final FifoTopics fifo;
    private final MobilePush push;
    private final SmsSettings sms;
    private final Map<String, Object> fifoLocks = new ConcurrentHashMap<>();

    SnsService(SnsRegistry registry, Fanout fanout, FifoTopics fifo, MobilePush push, SmsSettings sms) {
        this.registry = registry;
        this.fanout = fanout;
        this.fifo = fifo;
        this.push = push;
        this.sms = sms;
    }

    // ---- topics

    @Override
    public CreateTopicResponse createTopic(RequestContext context, CreateTopicInput input) {
        String name = input.name();
        Map<String, String> requested = input.attributes() == null ? Map.of() : input.attributes();
        boolean fifoTopic = "true".equalsIgnoreCase(requested.get(TopicRecord.FIFO_TOPIC));
        if (fifoTopic && !FIFO_TOPIC_NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("Fifo Topic names must end with .fifo and must be made up of only uppercase "
                    + "and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.");
        }
        if (!fifoTopic && !TOPIC_NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("Topic Name");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        requested.forEach((attribute, value) -> {
            TopicAttributes.check(attribute, value, fifoTopic, true);
            if (!attribute.equals(TopicRecord.FIFO_TOPIC) && !attribute.equals("DataProtectionPolicy")) {
                attributes.put(attribute, value);
            }
        });
        if (fifoTopic) {
            attributes.put(TopicRecord.FIFO_TOPIC, "true");
        }
        String dataProtectionPolicy = input.dataProtectionPolicy() != null ? input.dataProtectionPolicy()
                : requested.get("DataProtectionPolicy");
        if (dataProtectionPolicy != null && !TopicAttributes.isJsonObject(dataProtectionPolicy)) {
            throw SnsErrors.invalidParameter("DataProtectionPolicy: failed to parse JSON.");
        }
        Map<String, String> tags = tags(input.tags());
        checkTagCount(tags.size());
        TopicRecord topic = new TopicRecord(context.account(), context.region(), name, attributes, tags,
                dataProtectionPolicy, 0);
        TopicRecord created = registry.create(topic, existing -> {
            attributes.forEach((attribute, value) -> {
                if (!value.equals(existing.attributes().get(attribute))) {
                    throw SnsErrors.invalidParameter("Attributes Reason: Topic already exists with different attributes");
                }
            });
            if (!tags.isEmpty() && !tags.equals(existing.tags())) {
                throw SnsErrors.invalidParameter("Tags Reason: Topic already exists with different tags");
            }
            return existing;
        });
        return new CreateTopicResponse(created.arn());
    }

    @Override
    public void deleteTopic(RequestContext context, DeleteTopicInput input) {
        checkTopicArn(input.topicArn());
        registry.topic(input.topicArn()).ifPresent(topic -> {
            registry.delete(topic);
            fifo.forget(topic.arn());
        });
    }

    @Override
    public ListTopicsResponse listTopics(RequestContext context, ListTopicsInput input) {
        List<String> arns = registry.topics(context.account(), context.region()).stream().map(TopicRecord::arn).toList();
        Pages.Page<String> page = Pages.page(arns, Function.identity(), input.nextToken());
        return new ListTopicsResponse(page.items().stream().map(Topic::new).toList(), page.nextToken());
    }

    @Override
    public GetTopicAttributesResponse getTopicAttributes(RequestContext context, GetTopicAttributesInput input) {
        TopicRecord topic = topic(input.topicArn());
        int confirmed = 0;
        int pending = 0;
        for (SubscriptionRecord subscription : registry.subscriptionsOf(topic.arn())) {
            if (subscription.confirmed()) {
                confirmed++;
            } else {
                pending++;
            }
        }
        return new GetTopicAttributesResponse(TopicAttributes.describe(topic, confirmed, pending));
    }

    @Override
    public void setTopicAttributes(RequestContext context, SetTopicAttributesInput input) {
        TopicRecord topic = topic(input.topicArn());
        String value = input.attributeValue() == null ? "" : input.attributeValue();
        TopicAttributes.check(input.attributeName(), value, topic.fifo(), false);
        registry.update(input.attributeName().equals("DataProtectionPolicy")
                ? topic.withDataProtectionPolicy(value.isEmpty() ? null : value)
                : topic.withAttribute(input.attributeName(), value));
    }

    @Override
    public GetDataProtectionPolicyResponse getDataProtectionPolicy(RequestContext context, GetDataProtectionPolicyInput input) {
        return new GetDataProtectionPolicyResponse(topic(input.resourceArn()).dataProtectionPolicy());
    }

    @Override
    public void putDataProtectionPolicy(RequestContext context, PutDataProtectionPolicyInput input) {
        TopicRecord topic = topic(input.resourceArn());
        if (!TopicAttributes.isJsonObject(input.dataProtectionPolicy())) {
            throw SnsErrors.invalidParameter("DataProtectionPolicy: failed to parse JSON.");
        }
        registry.update(topic.withDataProtectionPolicy(input.dataProtectionPolicy()));
    }

    @Override
    public void addPermission(RequestContext context, AddPermissionInput input) {
        TopicRecord topic = topic(input.topicArn());
        registry.update(topic.withAttribute(TopicAttributes.POLICY,
                TopicPermissions.add(topic, input.label(), input.awsAccountId(), input.actionName())));
    }

    @Override
    public void removePermission(RequestContext context, RemovePermissionInput input) {
        TopicRecord topic = topic(input.topicArn());
        registry.update(topic.withAttribute(TopicAttributes.POLICY, TopicPermissions.remove(topic, input.label())));
    }

    // ---- tags

    @Override
    public TagResourceResponse tagResource(RequestContext context, TagResourceRequest input) {
        TopicRecord topic = taggable(input.resourceArn());
        Map<String, String> tags = new LinkedHashMap<>(topic.tags());
        tags.putAll(tags(input.tags()));
        checkTagCount(tags.size());
        registry.update(topic.withTags(tags));
        return new TagResourceResponse();
    }

    @Override
    public UntagResourceResponse untagResource(RequestContext context, UntagResourceRequest input) {
        TopicRecord topic = taggable(input.resourceArn());
        Map<String, String> tags = new LinkedHashMap<>(topic.tags());
        input.tagKeys().forEach(tags::remove);
        registry.update(topic.withTags(tags));
        return new UntagResourceResponse();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(RequestContext context, ListTagsForResourceRequest input) {
        TopicRecord topic = taggable(input.resourceArn());
        return new ListTagsForResourceResponse(topic.tags().entrySet().stream()
                .map(e -> new Tag(e.getKey(), e.getValue())).toList());
    }

    private TopicRecord taggable(String arn) {
        return registry.topic(arn).orElseThrow(() -> new ResourceNotFoundException("Resource does not exist"));
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags != null) {
            for (Tag tag : tags) {
                if (tag.key() == null || tag.key().isEmpty() || tag.key().length() > 128
                        || (tag.value() != null && tag.value().length() > 256)) {
                    throw SnsErrors.invalidParameter("Tags Reason: Tag keys must be 1 to 128 characters and values at most 256");
                }
                out.put(tag.key(), tag.value() == null ? "" : tag.value());
            }
        }
        return out;
    }

    private static void checkTagCount(int count) {
        if (count > MAX_TAGS) {
            throw new TagLimitExceededException("Could not complete request: tag quota of per resource exceeded");
        }
    }

    // ---- subscriptions

    @Override
    public SubscribeResponse subscribe(RequestContext context, SubscribeInput input) {
        TopicRecord topic = topic(input.topicArn());
        String protocol = input.protocol();
        if (!PROTOCOLS.contains(protocol)) {
            throw SnsErrors.invalidParameter("Amazon SNS does not support this protocol string: " + protocol);
        }
        if (topic.fifo() && !protocol.equals("sqs")) {
            throw SnsErrors.invalidParameter("Invalid protocol type: " + protocol);
        }
        String endpoint = input.endpoint();
        checkEndpoint(topic, protocol, endpoint);
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> requested = input.attributes() == null ? Map.of() : input.attributes();
        requested.forEach((name, value) -> {
            SubscriptionAttributes.check(name, value, protocol, requested);
            if (value != null && !value.isEmpty()) {
                attributes.put(name, value);
            }
        });
        if (attributes.containsKey(SubscriptionRecord.FILTER_POLICY)) {
            attributes.putIfAbsent(SubscriptionRecord.FILTER_POLICY_SCOPE, "MessageAttributes");
        }
        for (SubscriptionRecord existing : registry.subscriptionsOf(topic.arn())) {
            if (existing.protocol().equals(protocol) && existing.endpoint().equals(endpoint)) {
                attributes.forEach((name, value) -> {
                    if (!value.equals(existing.attributes().get(name))) {
                        throw SnsErrors.invalidParameter("Attributes Reason: Subscription already exists with different attributes");
                    }
                });
                return new SubscribeResponse(existing.confirmed() || Boolean.TRUE.equals(input.returnSubscriptionArn())
                        ? existing.arn() : "pending confirmation");
            }
        }
        boolean handshake = CONFIRMED_BY_HANDSHAKE.contains(protocol);
        SubscriptionRecord subscription = new SubscriptionRecord(topic.arn() + ":" + UUID.randomUUID(), topic.arn(),
                context.account(), protocol, endpoint, attributes, !handshake, handshake ? token() : null,
                context.now().toEpochMilli());
        registry.put(subscription);
        if (handshake) {
            fanout.requestConfirmation(context.endpoint(), topic, subscription, context.now());
            return new SubscribeResponse(Boolean.TRUE.equals(input.returnSubscriptionArn())
                    ? subscription.arn() : "pending confirmation");
        }
        return new SubscribeResponse(subscription.arn());
    }

    private static void checkEndpoint(TopicRecord topic, String protocol, String endpoint) {
        if (endpoint == null || endpoint.isEmpty()) {
            throw SnsErrors.invalidParameter("Endpoint");
        }
        switch (protocol) {
            case "sqs" -> {
                Arn arn = Arn.parse(endpoint).filter(a -> a.service().equals("sqs"))
                        .orElseThrow(() -> SnsErrors.invalidParameter("SQS endpoint ARN"));
                if (arn.resource().endsWith(".fifo") && !topic.fifo()) {
                    throw SnsErrors.invalidParameter("Endpoint Reason: FIFO SQS Queues can not be "
                            + "subscribed to standard SNS topics");
                }
            }
            case "http", "https" -> {
                if (!endpoint.toLowerCase().startsWith(protocol + "://")) {
                    throw SnsErrors.invalidParameter("Endpoint must match the specified protocol");
                }
            }
            case "email", "email-json" -> {
                if (!endpoint.matches("[^@\\s]+@[^@\\s]+")) {
                    throw SnsErrors.invalidParameter("Email address");
                }
            }
            case "sms" -> {
                if (!PHONE_NUMBER.matcher(endpoint.replaceAll("[\\s().-]", "")).matches()) {
                    throw SnsErrors.invalidParameter("SMS endpoint");
                }
            }
            case "lambda" -> Arn.parse(endpoint).filter(a -> a.service().equals("lambda"))
                    .orElseThrow(() -> SnsErrors.invalidParameter("Lambda endpoint ARN"));
            default -> Arn.parse(endpoint).orElseThrow(() -> SnsErrors.invalidParameter("Endpoint ARN"));
        }
    }

    private static String token() {
        byte[] bytes = new byte[64];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public ConfirmSubscriptionResponse confirmSubscription(RequestContext context, ConfirmSubscriptionInput input) {
        return new ConfirmSubscriptionResponse(confirm(input.topicArn(), input.token()));
    }

    /** Confirms the topic's pending subscription holding the token (also what the SubscribeURL does). */
    String confirm(String topicArn, String token) {
        TopicRecord topic = topic(topicArn);
        for (SubscriptionRecord subscription : registry.subscriptionsOf(topic.arn())) {
            if (token != null && token.equals(subscription.token())) {
                if (!subscription.confirmed()) {
                    registry.put(subscription.confirm());
                }
                return subscription.arn();
            }
        }
        throw SnsErrors.invalidParameter("Token");
    }

    @Override
    public void unsubscribe(RequestContext context, UnsubscribeInput input) {
        unsubscribe(input.subscriptionArn());
    }

    /** Removes the subscription; one that no longer exists is already gone (also what the UnsubscribeURL does). */
    void unsubscribe(String subscriptionArn) {
        Arn arn = Arn.parse(subscriptionArn).filter(a -> a.service().equals("sns"))
                .orElseThrow(() -> SnsErrors.invalidParameter("SubscriptionArn Reason: An ARN must have at least 6 elements"));
        if (!arn.resource().contains(":")) {
            throw SnsErrors.invalidParameter("SubscriptionArn");
        }
        registry.remove(subscriptionArn);
    }

    @Override
    public ListSubscriptionsResponse listSubscriptions(RequestContext context, ListSubscriptionsInput input) {
        Pages.Page<SubscriptionRecord> page = Pages.page(registry.subscriptions(context.account(), context.region()),
                SubscriptionRecord::arn, input.nextToken());
        return new ListSubscriptionsResponse(page.items().stream().map(SnsService::listed).toList(), page.nextToken());
    }

    @Override
    public ListSubscriptionsByTopicResponse listSubscriptionsByTopic(RequestContext context, ListSubscriptionsByTopicInput input) {
        TopicRecord topic = topic(input.topicArn());
        Pages.Page<SubscriptionRecord> page = Pages.page(registry.subscriptionsOf(topic.arn()), SubscriptionRecord::arn, input.nextToken());
        return new ListSubscriptionsByTopicResponse(page.items().stream().map(SnsService::listed).toList(), page.nextToken());
    }

    private static Subscription listed(SubscriptionRecord s) {
        return new Subscription(s.confirmed() ? s.arn() : "PendingConfirmation", s.account(), s.protocol(), s.endpoint(),
                s.topicArn());
    }

    @Override
    public GetSubscriptionAttributesResponse getSubscriptionAttributes(RequestContext context, GetSubscriptionAttributesInput input) {
        return new GetSubscriptionAttributesResponse(SubscriptionAttributes.describe(subscription(input.subscriptionArn())));
    }

    @Override
    public void setSubscriptionAttributes(RequestContext context, SetSubscriptionAttributesInput input) {
        SubscriptionRecord subscription = subscription(input.subscriptionArn());
        String name = input.attributeName();
        String value = input.attributeValue() == null ? "" : input.attributeValue();
        SubscriptionAttributes.check(name, value, subscription.protocol(), subscription.attributes());
        SubscriptionRecord updated = subscription.withAttribute(name, value);
        if (name.equals(SubscriptionRecord.FILTER_POLICY) && !value.isEmpty()
                && !updated.attributes().containsKey(SubscriptionRecord.FILTER_POLICY_SCOPE)) {
            updated = updated.withAttribute(SubscriptionRecord.FILTER_POLICY_SCOPE, "MessageAttributes");
        }
        registry.put(updated);
    }

    // ---- publishing

    @Override
    public PublishResponse publish(RequestContext context, PublishInput input) {
        int destinations = (input.topicArn() != null ? 1 : 0) + (input.targetArn() != null ? 1 : 0)
                + (input.phoneNumber() != null ? 1 : 0);
        if (destinations == 0) {
            throw SnsErrors.invalidParameter("TopicArn or TargetArn Reason: no value for required parameter");
        }
        if (destinations > 1) {
            throw SnsErrors.invalidParameter("TopicArn or TargetArn Reason: Only one of TopicArn, TargetArn or PhoneNumber may be given");
        }
        Message message = new Message(input.message(), input.subject(), input.messageStructure(), input.messageAttributes(),
                input.messageGroupId(), input.messageDeduplicationId());
        if (input.phoneNumber() != null) {
            if (!PHONE_NUMBER.matcher(input.phoneNumber()).matches()) {
                throw SnsErrors.invalidParameter("PhoneNumber Reason: " + input.phoneNumber() + " is not valid to publish to");
            }
            Publication publication = accept(null, message, context.now());
            fanout.sms(input.phoneNumber(), publication);
            return new PublishResponse(publication.messageId(), null);
        }
        String arn = input.topicArn() != null ? input.topicArn() : input.targetArn();
        if (input.targetArn() != null && Arn.parse(arn).map(a -> a.resource().contains("/")).orElse(false)) {
            EndpointRecord endpoint = push.publishTarget(arn);
            Publication publication = accept(null, message, context.now());
            fanout.toEndpoint(endpoint, publication);
            return new PublishResponse(publication.messageId(), null);
        }
        TopicRecord topic = topic(arn);
        Publication publication = publish(context, topic, message);
        return new PublishResponse(publication.messageId(), publication.sequenceNumber());
    }

    @Override
    public PublishBatchResponse publishBatch(RequestContext context, PublishBatchInput input) {
        List<PublishBatchRequestEntry> entries = input.publishBatchRequestEntries();
        if (entries == null || entries.isEmpty()) {
            throw new EmptyBatchRequestException("The batch request doesn't contain any entries");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw new TooManyEntriesInBatchRequestException("The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        int total = 0;
        for (PublishBatchRequestEntry entry : entries) {
            if (entry.id() == null || !BATCH_ENTRY_ID.matcher(entry.id()).matches()) {
                throw new InvalidBatchEntryIdException("The Id of a batch entry in a batch request doesn't abide by the specification.");
            }
            if (!ids.add(entry.id())) {
                throw new BatchEntryIdsNotDistinctException("Two or more batch entries in the request have the same Id.");
            }
            total += entry.message() == null ? 0 : utf8(entry.message());
        }
        if (total > MAX_MESSAGE_BYTES) {
            throw new BatchRequestTooLongException("The length of all the batch messages put together is more than the limit.");
        }
        TopicRecord topic = topic(input.topicArn());
        List<PublishBatchResultEntry> successful = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (PublishBatchRequestEntry entry : entries) {
            try {
                Publication publication = publish(context, topic, new Message(entry.message(), entry.subject(),
                        entry.messageStructure(), entry.messageAttributes(), entry.messageGroupId(), entry.messageDeduplicationId()));
                successful.add(new PublishBatchResultEntry(entry.id(), publication.messageId(), publication.sequenceNumber()));
            } catch (AwsException e) {
                failed.add(new BatchResultErrorEntry(entry.id(), SnsErrors.wireCode(e), e.getMessage(), e.senderFault()));
            }
        }
        return new PublishBatchResponse(successful, failed);
    }

    /** The fields Publish and a PublishBatch entry share. */
    private record Message(String text, String subject, String structure, Map<String, MessageAttributeValue> attributes,
                           String groupId, String deduplicationId) {
    }

    private Publication publish(RequestContext context, TopicRecord topic, Message message) {
        if (!topic.fifo()) {
            if (message.deduplicationId() != null) {
                throw SnsErrors.invalidParameter("MessageDeduplicationId Reason: The request includes MessageDeduplicationId "
                        + "parameter that is not valid for this topic type");
            }
            Publication publication = accept(topic, message, context.now());
            fanout.deliver(context.endpoint(), topic, registry.subscriptionsOf(topic.arn()), publication);
            return publication;
        }
        if (message.groupId() == null || message.groupId().isEmpty()) {
            throw SnsErrors.invalidParameter("The MessageGroupId parameter is required for FIFO topics");
        }
        if (message.deduplicationId() == null && !topic.contentBasedDeduplication()) {
            throw SnsErrors.invalidParameter("The topic should either have ContentBasedDeduplication enabled or "
                    + "MessageDeduplicationId provided explicitly");
        }
        // one FIFO topic publishes one message at a time, so subscribers see the order it accepted them in
        synchronized (fifoLocks.computeIfAbsent(topic.arn(), arn -> new Object())) {
            Publication publication = accept(topic, message, context.now());
            FifoTopics.Accepted earlier = fifo.firstOrRecord(topic.arn(), publication.deduplicationId(),
                    new FifoTopics.Accepted(publication.messageId(), publication.sequenceNumber(), publication.timestamp()));
            if (earlier != null) {
                return new Publication(earlier.messageId(), publication.message(), publication.perProtocol(),
                        publication.subject(), publication.attributes(), publication.groupId(), publication.deduplicationId(),
                        earlier.sequenceNumber(), publication.timestamp());
            }
            fanout.deliver(context.endpoint(), topic, registry.subscriptionsOf(topic.arn()), publication);
            return publication;
        }
    }

    /** Checks a message as SNS does and gives it an id (and a sequence number on a FIFO topic). */
    private Publication accept(TopicRecord topic, Message message, Instant now) {
        String text = message.text();
        if (text == null || text.isEmpty()) {
            throw SnsErrors.invalidParameter("Empty message");
        }
        String subject = message.subject();
        if (subject != null && (subject.isEmpty() || subject.length() > 100 || subject.chars().anyMatch(c -> c < 0x20))) {
            throw SnsErrors.invalidParameter("Subject");
        }
        Map<String, String> perProtocol = null;
        if (message.structure() != null) {
            if (!message.structure().equals("json")) {
                throw SnsErrors.invalidParameter("MessageStructure");
            }
            perProtocol = MessageStructures.parse(text);
        }
        Map<String, PublishAttribute> attributes = PublishAttribute.of(message.attributes());
        int size = utf8(text);
        for (Map.Entry<String, PublishAttribute> entry : attributes.entrySet()) {
            size += entry.getValue().size(entry.getKey());
        }
        if (size > MAX_MESSAGE_BYTES) {
            throw SnsErrors.invalidParameter("Message too long");
        }
        boolean fifoTopic = topic != null && topic.fifo();
        String deduplicationId = message.deduplicationId();
        if (fifoTopic && deduplicationId == null) {
            deduplicationId = sha256(text);
        }
        return new Publication(UUID.randomUUID().toString(), text, perProtocol, subject, attributes,
                message.groupId(), fifoTopic ? deduplicationId : null,
                fifoTopic ? fifo.nextSequenceNumber() : null, now);
    }

    // ---- mobile push

    @Override
    public CreatePlatformApplicationResponse createPlatformApplication(RequestContext context, CreatePlatformApplicationInput input) {
        return push.createApplication(context, input);
    }

    @Override
    public GetPlatformApplicationAttributesResponse getPlatformApplicationAttributes(RequestContext context,
                                                                                     GetPlatformApplicationAttributesInput input) {
        return new GetPlatformApplicationAttributesResponse(push.applicationAttributes(input.platformApplicationArn()));
    }

    @Override
    public void setPlatformApplicationAttributes(RequestContext context, SetPlatformApplicationAttributesInput input) {
        push.setApplicationAttributes(input.platformApplicationArn(), input.attributes());
    }

    @Override
    public ListPlatformApplicationsResponse listPlatformApplications(RequestContext context, ListPlatformApplicationsInput input) {
        return push.listApplications(context, input.nextToken());
    }

    @Override
    public void deletePlatformApplication(RequestContext context, DeletePlatformApplicationInput input) {
        push.deleteApplication(input.platformApplicationArn());
    }

    @Override
    public CreateEndpointResponse createPlatformEndpoint(RequestContext context, CreatePlatformEndpointInput input) {
        return push.createEndpoint(context, input);
    }

    @Override
    public GetEndpointAttributesResponse getEndpointAttributes(RequestContext context, GetEndpointAttributesInput input) {
        return new GetEndpointAttributesResponse(push.endpointAttributes(input.endpointArn()));
    }

    @Override
    public void setEndpointAttributes(RequestContext context, SetEndpointAttributesInput input) {
        push.setEndpointAttributes(input.endpointArn(), input.attributes());
    }

    @Override
    public ListEndpointsByPlatformApplicationResponse listEndpointsByPlatformApplication(RequestContext context,
                                                                                         ListEndpointsByPlatformApplicationInput input) {
        return push.listEndpoints(input.platformApplicationArn(), input.nextToken());
    }

    @Override
    public void deleteEndpoint(RequestContext context, DeleteEndpointInput input) {
        push.deleteEndpoint(input.endpointArn());
    }

    // ---- SMS settings

    @Override
    public SetSMSAttributesResponse setSMSAttributes(RequestContext context, SetSMSAttributesInput input) {
        Map<String, String> attributes = input.attributes() == null ? Map.of() : input.attributes();
        attributes.forEach(SmsAttributes::check);
        sms.setAttributes(context.account(), context.region(), attributes);
        return new SetSMSAttributesResponse();
    }

    @Override
    public GetSMSAttributesResponse getSMSAttributes(RequestContext context, GetSMSAttributesInput input) {
        Map<String, String> stored = sms.of(context.account(), context.region()).attributes();
        List<String> wanted = input.attributes() == null ? List.of() : input.attributes();
        Map<String, String> out = new LinkedHashMap<>();
        stored.forEach((name, value) -> {
            if (wanted.isEmpty() || wanted.contains(name)) {
                out.put(name, value);
            }
        });
        return new GetSMSAttributesResponse(out);
    }

    @Override
    public CheckIfPhoneNumberIsOptedOutResponse checkIfPhoneNumberIsOptedOut(RequestContext context, CheckIfPhoneNumberIsOptedOutInput input) {
        if (input.phoneNumber() == null || !PHONE_NUMBER.matcher(input.phoneNumber()).matches()) {
            throw SnsErrors.invalidParameter("PhoneNumber");
        }
        return new CheckIfPhoneNumberIsOptedOutResponse(
                sms.of(context.account(), context.region()).optedOut().contains(input.phoneNumber()));
    }

    @Override
    public ListPhoneNumbersOptedOutResponse listPhoneNumbersOptedOut(RequestContext context, ListPhoneNumbersOptedOutInput input) {
        List<String> numbers = sms.of(context.account(), context.region()).optedOut().stream().sorted().toList();
        Pages.Page<String> page = Pages.page(numbers, Function.identity(), input.nextToken());
        return new ListPhoneNumbersOptedOutResponse(page.items(), page.nextToken());
    }

    @Override
    public OptInPhoneNumberResponse optInPhoneNumber(RequestContext context, OptInPhoneNumberInput input) {
        if (input.phoneNumber() == null || !PHONE_NUMBER.matcher(input.phoneNumber()).matches()) {
            throw SnsErrors.invalidParameter("PhoneNumber");
        }
        sms.optIn(context.account(), context.region(), input.phoneNumber());
        return new OptInPhoneNumberResponse();
    }

    /** A phone number that replied STOP, as the internal endpoint records it. */
    void optOut(String account, String region, String phoneNumber) {
        if (phoneNumber == null || !PHONE_NUMBER.matcher(phoneNumber).matches()) {
            throw SnsErrors.invalidParameter("PhoneNumber");
        }
        sms.optOut(account, region, phoneNumber);
    }

    // ---- helpers

    private TopicRecord topic(String arn) {
        checkTopicArn(arn);
        return registry.topic(arn).orElseThrow(SnsErrors::topicNotFound);
    }

    private static void checkTopicArn(String arn) {
        boolean valid = Arn.parse(arn).filter(a -> a.service().equals("sns") && !a.resource().isEmpty()
                && !a.resource().contains(":")).isPresent();
        if (!valid) {
            throw SnsErrors.invalidParameter("TopicArn");
        }
    }

    private SubscriptionRecord subscription(String arn) {
        if (Arn.parse(arn).filter(a -> a.service().equals("sns")).isEmpty()) {
            throw SnsErrors.invalidParameter("SubscriptionArn");
        }
        return registry.subscription(arn).orElseThrow(SnsErrors::subscriptionNotFound);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
