package io.kasumi.services.sqs;

import io.kasumi.api.AwsException;
import io.kasumi.api.RequestContext;
import io.kasumi.api.sqs.AddPermissionRequest;
import io.kasumi.api.sqs.BatchEntryIdsNotDistinctException;
import io.kasumi.api.sqs.BatchRequestTooLongException;
import io.kasumi.api.sqs.BatchResultErrorEntry;
import io.kasumi.api.sqs.CancelMessageMoveTaskRequest;
import io.kasumi.api.sqs.CancelMessageMoveTaskResult;
import io.kasumi.api.sqs.ChangeMessageVisibilityBatchRequest;
import io.kasumi.api.sqs.ChangeMessageVisibilityBatchRequestEntry;
import io.kasumi.api.sqs.ChangeMessageVisibilityBatchResult;
import io.kasumi.api.sqs.ChangeMessageVisibilityBatchResultEntry;
import io.kasumi.api.sqs.ChangeMessageVisibilityRequest;
import io.kasumi.api.sqs.CreateQueueRequest;
import io.kasumi.api.sqs.CreateQueueResult;
import io.kasumi.api.sqs.DeleteMessageBatchRequest;
import io.kasumi.api.sqs.DeleteMessageBatchRequestEntry;
import io.kasumi.api.sqs.DeleteMessageBatchResult;
import io.kasumi.api.sqs.DeleteMessageBatchResultEntry;
import io.kasumi.api.sqs.DeleteMessageRequest;
import io.kasumi.api.sqs.DeleteQueueRequest;
import io.kasumi.api.sqs.EmptyBatchRequestException;
import io.kasumi.api.sqs.GetQueueAttributesRequest;
import io.kasumi.api.sqs.GetQueueAttributesResult;
import io.kasumi.api.sqs.GetQueueUrlRequest;
import io.kasumi.api.sqs.GetQueueUrlResult;
import io.kasumi.api.sqs.InvalidAttributeNameException;
import io.kasumi.api.sqs.InvalidBatchEntryIdException;
import io.kasumi.api.sqs.ListDeadLetterSourceQueuesRequest;
import io.kasumi.api.sqs.ListDeadLetterSourceQueuesResult;
import io.kasumi.api.sqs.ListMessageMoveTasksRequest;
import io.kasumi.api.sqs.ListMessageMoveTasksResult;
import io.kasumi.api.sqs.ListMessageMoveTasksResultEntry;
import io.kasumi.api.sqs.ListQueueTagsRequest;
import io.kasumi.api.sqs.ListQueueTagsResult;
import io.kasumi.api.sqs.ListQueuesRequest;
import io.kasumi.api.sqs.ListQueuesResult;
import io.kasumi.api.sqs.Message;
import io.kasumi.api.sqs.MessageAttributeValue;
import io.kasumi.api.sqs.PurgeQueueRequest;
import io.kasumi.api.sqs.QueueAttributeName;
import io.kasumi.api.sqs.QueueNameExistsException;
import io.kasumi.api.sqs.ReceiveMessageRequest;
import io.kasumi.api.sqs.ReceiveMessageResult;
import io.kasumi.api.sqs.RemovePermissionRequest;
import io.kasumi.api.sqs.SendMessageBatchRequest;
import io.kasumi.api.sqs.SendMessageBatchRequestEntry;
import io.kasumi.api.sqs.SendMessageBatchResult;
import io.kasumi.api.sqs.SendMessageBatchResultEntry;
import io.kasumi.api.sqs.SendMessageRequest;
import io.kasumi.api.sqs.SendMessageResult;
import io.kasumi.api.sqs.SetQueueAttributesRequest;
import io.kasumi.api.sqs.SqsApi;
import io.kasumi.api.sqs.StartMessageMoveTaskRequest;
import io.kasumi.api.sqs.StartMessageMoveTaskResult;
import io.kasumi.api.sqs.TagQueueRequest;
import io.kasumi.api.sqs.TooManyEntriesInBatchRequestException;
import io.kasumi.api.sqs.UntagQueueRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Amazon SQS: standard and FIFO queues, messages, visibility, long polling and dead-letter queues. */
final class SqsService implements SqsApi {
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final int MAX_BATCH_ENTRIES = 10;
    private static final int MAX_LIST_RESULTS = 1000;
    private static final int MAX_TAGS = 50;
    private static final int MAX_MOVE_TASKS_LISTED = 10;
    /** Alphanumeric and punctuation, 1 to 128: ReceiveRequestAttemptId. */
    private static final Pattern ATTEMPT_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    /** The SenderId of messages another AWS service (SNS) put on the queue. */
    private static final String SERVICE_SENDER_ID = "AIDAIT2UOQQY3AUEKVGXU";

    private final QueueRegistry queues;
    private final MessageMoveTasks moveTasks;

    SqsService(QueueRegistry queues) {
        this.queues = queues;
        this.moveTasks = new MessageMoveTasks(queues);
    }

    // ---- queues

    @Override
    public CreateQueueResult createQueue(RequestContext context, CreateQueueRequest input) {
        String name = input.queueName();
        Map<String, String> requested = input.attributes() == null ? Map.of() : input.attributes();
        boolean fifo = "true".equalsIgnoreCase(requested.get(QueueAttributes.FIFO_QUEUE));
        if (fifo && !FIFO_QUEUE_NAME.matcher(name).matches()) {
            throw SqsErrors.invalidParameterValue("The name of a FIFO queue can only include alphanumeric characters, "
                    + "hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.");
        }
        if (!fifo && !QUEUE_NAME.matcher(name).matches()) {
            throw SqsErrors.invalidParameterValue("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        Map<String, String> validated = QueueAttributes.validate(requested, fifo, true);
        Map<String, String> attributes = QueueAttributes.defaults(fifo);
        apply(attributes, validated);
        QueueAttributes.checkCombination(attributes);
        QueueId id = new QueueId(context.account(), context.region(), name);
        checkRedriveTarget(id, fifo, attributes.get(QueueAttributes.REDRIVE_POLICY));
        checkTags(name, input.tags() == null ? Map.of() : input.tags());
        long now = context.now().getEpochSecond();
        QueueRecord record = new QueueRecord(id.account(), id.region(), name, attributes,
                input.tags() == null ? Map.of() : input.tags(), now, now);
        Queue queue = queues.create(record, existing -> validated.forEach((attribute, value) -> {
            if (!value.equals(existing.record().attributes().getOrDefault(attribute, ""))) {
                throw new QueueNameExistsException(
                        "A queue already exists with the same name and a different value for attribute " + attribute);
            }
        }));
        return new CreateQueueResult(queue.id().url(context.endpoint()));
    }

    @Override
    public GetQueueUrlResult getQueueUrl(RequestContext context, GetQueueUrlRequest input) {
        String account = input.queueOwnerAWSAccountId() != null ? input.queueOwnerAWSAccountId() : context.account();
        Queue queue = queues.require(new QueueId(account, context.region(), input.queueName()));
        return new GetQueueUrlResult(queue.id().url(context.endpoint()));
    }

    @Override
    public ListQueuesResult listQueues(RequestContext context, ListQueuesRequest input) {
        String prefix = input.queueNamePrefix() == null ? "" : input.queueNamePrefix();
        List<String> names = queues.list(context.account(), context.region()).stream()
                .map(q -> q.id().name())
                .filter(name -> name.startsWith(prefix))
                .toList();
        Page page = page(names, input.maxResults(), input.nextToken());
        List<String> urls = page.names().stream().map(name -> new QueueId(context.account(), context.region(), name)
                .url(context.endpoint())).toList();
        return new ListQueuesResult(urls.isEmpty() ? null : urls, page.nextToken());
    }

    @Override
    public void deleteQueue(RequestContext context, DeleteQueueRequest input) {
        queues.delete(queue(context, input.queueUrl()).id());
    }

    @Override
    public GetQueueAttributesResult getQueueAttributes(RequestContext context, GetQueueAttributesRequest input) {
        Queue queue = queue(context, input.queueUrl());
        Set<String> wanted = new HashSet<>();
        boolean all = false;
        for (String name : input.attributeNames() == null ? List.<String>of() : input.attributeNames()) {
            if (name.equals(QueueAttributeName.ALL.value())) {
                all = true;
            } else if (!knownAttributeName(name)) {
                throw new InvalidAttributeNameException("Unknown Attribute " + name + ".");
            } else {
                wanted.add(name);
            }
        }
        Map<String, String> everything = allAttributes(queue);
        Map<String, String> out = new LinkedHashMap<>();
        boolean allWanted = all;
        everything.forEach((name, value) -> {
            if (allWanted || wanted.contains(name)) {
                out.put(name, value);
            }
        });
        return new GetQueueAttributesResult(out.isEmpty() ? null : out);
    }

    @Override
    public void setQueueAttributes(RequestContext context, SetQueueAttributesRequest input) {
        Queue queue = queue(context, input.queueUrl());
        QueueRecord record = queue.record();
        Map<String, String> validated = QueueAttributes.validate(input.attributes(), record.fifo(), false);
        Map<String, String> attributes = new LinkedHashMap<>(record.attributes());
        apply(attributes, validated);
        QueueAttributes.checkCombination(attributes);
        checkRedriveTarget(record.id(), record.fifo(), attributes.get(QueueAttributes.REDRIVE_POLICY));
        queue.update(record.withAttributes(attributes, context.now().getEpochSecond()));
    }

    @Override
    public void purgeQueue(RequestContext context, PurgeQueueRequest input) {
        queue(context, input.queueUrl()).purge();
    }

    @Override
    public ListDeadLetterSourceQueuesResult listDeadLetterSourceQueues(RequestContext context, ListDeadLetterSourceQueuesRequest input) {
        Queue target = queue(context, input.queueUrl());
        String arn = target.id().arn();
        List<String> names = queues.list(target.id().account(), target.id().region()).stream()
                .filter(q -> {
                    RedrivePolicy policy = q.record().redrivePolicy();
                    return policy != null && policy.deadLetterTargetArn().equals(arn);
                })
                .map(q -> q.id().name())
                .toList();
        Page page = page(names, input.maxResults(), input.nextToken());
        List<String> urls = page.names().stream()
                .map(name -> new QueueId(target.id().account(), target.id().region(), name).url(context.endpoint()))
                .toList();
        return new ListDeadLetterSourceQueuesResult(urls, page.nextToken());
    }

    @Override
    public void tagQueue(RequestContext context, TagQueueRequest input) {
        Queue queue = queue(context, input.queueUrl());
        Map<String, String> tags = new LinkedHashMap<>(queue.record().tags());
        tags.putAll(input.tags());
        checkTags(queue.id().name(), tags);
        queue.update(queue.record().withTags(tags));
    }

    @Override
    public void untagQueue(RequestContext context, UntagQueueRequest input) {
        Queue queue = queue(context, input.queueUrl());
        Map<String, String> tags = new LinkedHashMap<>(queue.record().tags());
        input.tagKeys().forEach(tags::remove);
        queue.update(queue.record().withTags(tags));
    }

    @Override
    public ListQueueTagsResult listQueueTags(RequestContext context, ListQueueTagsRequest input) {
        Map<String, String> tags = queue(context, input.queueUrl()).record().tags();
        return new ListQueueTagsResult(tags.isEmpty() ? null : tags);
    }

    @Override
    public void addPermission(RequestContext context, AddPermissionRequest input) {
        Queue queue = queue(context, input.queueUrl());
        QueueRecord record = queue.record();
        String policy = QueuePolicies.addPermission(record.attributes().get(QueueAttributes.POLICY), queue.id(),
                input.label(), input.awsAccountIds(), input.actions());
        Map<String, String> attributes = new LinkedHashMap<>(record.attributes());
        attributes.put(QueueAttributes.POLICY, policy);
        queue.update(record.withAttributes(attributes, context.now().getEpochSecond()));
    }

    @Override
    public void removePermission(RequestContext context, RemovePermissionRequest input) {
        Queue queue = queue(context, input.queueUrl());
        QueueRecord record = queue.record();
        String policy = QueuePolicies.removePermission(record.attributes().get(QueueAttributes.POLICY), input.label());
        Map<String, String> attributes = new LinkedHashMap<>(record.attributes());
        if (policy == null) {
            attributes.remove(QueueAttributes.POLICY);
        } else {
            attributes.put(QueueAttributes.POLICY, policy);
        }
        queue.update(record.withAttributes(attributes, context.now().getEpochSecond()));
    }

    // ---- message move tasks

    @Override
    public StartMessageMoveTaskResult startMessageMoveTask(RequestContext context, StartMessageMoveTaskRequest input) {
        MessageMoveTasks.Task task = moveTasks.start(input.sourceArn(), input.destinationArn(), input.maxNumberOfMessagesPerSecond());
        return new StartMessageMoveTaskResult(task.handle);
    }

    @Override
    public ListMessageMoveTasksResult listMessageMoveTasks(RequestContext context, ListMessageMoveTasksRequest input) {
        int max = input.maxResults() == null ? 1 : input.maxResults();
        if (max < 1 || max > MAX_MOVE_TASKS_LISTED) {
            throw SqsErrors.invalidParameter("MaxResults", max, "Must be between 1 and 10, if provided.");
        }
        List<ListMessageMoveTasksResultEntry> entries = moveTasks.list(input.sourceArn(), max).stream()
                .map(task -> {
                    MessageMoveTasks.Status status = task.status();
                    // AWS hands out the handle only while the task can still be cancelled
                    return new ListMessageMoveTasksResultEntry(status == MessageMoveTasks.Status.RUNNING ? task.handle : null,
                            status.name(), task.sourceArn, task.destinationArn, task.rate, task.moved(), task.toMove,
                            task.failureReason(), task.startedMillis);
                })
                .toList();
        return new ListMessageMoveTasksResult(entries);
    }

    @Override
    public CancelMessageMoveTaskResult cancelMessageMoveTask(RequestContext context, CancelMessageMoveTaskRequest input) {
        return new CancelMessageMoveTaskResult(moveTasks.cancel(input.taskHandle()).moved());
    }

    // ---- messages

    @Override
    public SendMessageResult sendMessage(RequestContext context, SendMessageRequest input) {
        Queue queue = queue(context, input.queueUrl());
        Sent sent = send(senderId(context), queue, new OutgoingMessages.Request(input.messageBody(), input.delaySeconds(),
                input.messageAttributes(), input.messageSystemAttributes(), input.messageDeduplicationId(), input.messageGroupId()));
        return new SendMessageResult(sent.md5OfBody(), sent.md5OfAttributes(), sent.md5OfSystemAttributes(),
                sent.messageId(), sent.sequenceNumber());
    }

    @Override
    public SendMessageBatchResult sendMessageBatch(RequestContext context, SendMessageBatchRequest input) {
        Queue queue = queue(context, input.queueUrl());
        List<SendMessageBatchRequestEntry> entries = input.entries();
        checkBatch(entries, SendMessageBatchRequestEntry::id, "SendMessageBatchRequestEntry");
        int total = 0;
        for (SendMessageBatchRequestEntry entry : entries) {
            if (entry.messageBody() != null) {
                total += OutgoingMessages.size(entry.messageBody(), safeAttributes(entry.messageAttributes()));
            }
        }
        if (total > QueueAttributes.MAX_MESSAGE_SIZE) {
            throw new BatchRequestTooLongException("Batch requests cannot be longer than " + QueueAttributes.MAX_MESSAGE_SIZE
                    + " bytes. You have sent " + total + " bytes.");
        }
        List<SendMessageBatchResultEntry> successful = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (SendMessageBatchRequestEntry entry : entries) {
            try {
                Sent sent = send(senderId(context), queue, new OutgoingMessages.Request(entry.messageBody(), entry.delaySeconds(),
                        entry.messageAttributes(), entry.messageSystemAttributes(), entry.messageDeduplicationId(), entry.messageGroupId()));
                successful.add(new SendMessageBatchResultEntry(entry.id(), sent.messageId(), sent.md5OfBody(),
                        sent.md5OfAttributes(), sent.md5OfSystemAttributes(), sent.sequenceNumber()));
            } catch (AwsException e) {
                failed.add(failure(entry.id(), e));
            }
        }
        return new SendMessageBatchResult(successful, failed);
    }

    /** What a send answers, digests included. */
    private record Sent(String messageId, String sequenceNumber, String md5OfBody, String md5OfAttributes,
                        String md5OfSystemAttributes) {
    }

    private Sent send(String senderId, Queue queue, OutgoingMessages.Request request) {
        QueueRecord record = queue.record();
        Queue.Outgoing outgoing = OutgoingMessages.prepare(record, request, senderId);
        Queue.Sent sent = queue.send(outgoing);
        String sequenceNumber = record.fifo() ? MessageRecord.sequenceNumber(sent.sequence()) : null;
        return new Sent(sent.messageId(), sequenceNumber, MessageDigests.ofBody(outgoing.body()),
                MessageDigests.ofAttributes(outgoing.attributes()),
                MessageDigests.ofAttributes(OutgoingMessages.systemAttributes(outgoing.traceHeader())));
    }

    /**
     * {@link QueueDelivery}: another service's message, sent through the same checks as SendMessage.
     * The sender is the id AWS shows for messages SNS delivers.
     */
    boolean deliver(String queueArn, String body, Map<String, QueueDelivery.MessageAttribute> attributes,
                    String messageGroupId, String deduplicationId) {
        Queue queue = queues.byArn(queueArn);
        if (queue == null) {
            return false;
        }
        Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
        attributes.forEach((name, a) -> values.put(name,
                new MessageAttributeValue(a.stringValue(), a.binaryValue(), null, null, a.dataType())));
        send(SERVICE_SENDER_ID, queue, new OutgoingMessages.Request(body, null, values, null, deduplicationId, messageGroupId));
        return true;
    }

    @Override
    public ReceiveMessageResult receiveMessage(RequestContext context, ReceiveMessageRequest input) {
        Queue queue = queue(context, input.queueUrl());
        QueueRecord record = queue.record();
        int max = input.maxNumberOfMessages() == null ? 1 : input.maxNumberOfMessages();
        if (max < 1 || max > MAX_BATCH_ENTRIES) {
            throw SqsErrors.invalidParameter("MaxNumberOfMessages", max, "Must be between 1 and 10, if provided.");
        }
        int visibility = input.visibilityTimeout() == null
                ? record.intAttribute(QueueAttributes.VISIBILITY_TIMEOUT) : input.visibilityTimeout();
        if (visibility < 0 || visibility > QueueAttributes.MAX_VISIBILITY_TIMEOUT) {
            throw SqsErrors.invalidParameter("VisibilityTimeout", visibility, "Must be >= 0 and <= 43200, if provided.");
        }
        int wait = input.waitTimeSeconds() == null
                ? record.intAttribute(QueueAttributes.RECEIVE_MESSAGE_WAIT_TIME_SECONDS) : input.waitTimeSeconds();
        if (wait < 0 || wait > 20) {
            throw SqsErrors.invalidParameter("WaitTimeSeconds", wait, "Must be >= 0 and <= 20, if provided.");
        }
        Set<String> systemNames = new HashSet<>();
        if (input.attributeNames() != null) {
            systemNames.addAll(input.attributeNames());
        }
        if (input.messageSystemAttributeNames() != null) {
            systemNames.addAll(input.messageSystemAttributeNames());
        }
        String attemptId = input.receiveRequestAttemptId();
        if (attemptId != null && !ATTEMPT_ID.matcher(attemptId).matches()) {
            throw SqsErrors.invalidParameter("ReceiveRequestAttemptId", attemptId,
                    "ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
        List<Queue.Delivery> deliveries;
        try {
            deliveries = queue.receive(max, visibility, wait, attemptId, queues.byArn());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliveries = List.of();
        }
        List<Message> messages = new ArrayList<>();
        for (Queue.Delivery delivery : deliveries) {
            messages.add(message(delivery, record.fifo(), systemNames, input.messageAttributeNames()));
        }
        return new ReceiveMessageResult(messages.isEmpty() ? null : messages);
    }

    private static Message message(Queue.Delivery delivery, boolean fifo, Set<String> systemNames, List<String> attributeNames) {
        MessageRecord message = delivery.message();
        Map<String, AttributeValue> selected = new LinkedHashMap<>();
        message.attributes().forEach((name, value) -> {
            if (attributeSelected(name, attributeNames)) {
                selected.put(name, value);
            }
        });
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        selected.forEach((name, value) -> attributes.put(name,
                new MessageAttributeValue(value.stringValue(), value.binaryValue(), null, null, value.dataType())));
        Map<String, String> system = systemAttributes(message, fifo, systemNames);
        return new Message(message.messageId(), delivery.receiptHandle(), MessageDigests.ofBody(message.body()), message.body(),
                system.isEmpty() ? null : system, MessageDigests.ofAttributes(selected), attributes.isEmpty() ? null : attributes);
    }

    private static boolean attributeSelected(String name, List<String> requested) {
        if (requested == null) {
            return false;
        }
        for (String pattern : requested) {
            if (pattern.equals("All") || pattern.equals(".*") || pattern.equals(name)
                    || (pattern.endsWith(".*") && name.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> systemAttributes(MessageRecord message, boolean fifo, Set<String> requested) {
        boolean all = requested.contains("All");
        Map<String, String> out = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, String> add = (name, value) -> {
            if (value != null && (all || requested.contains(name))) {
                out.put(name, value);
            }
        };
        add.accept("SenderId", message.senderId());
        add.accept("SentTimestamp", Long.toString(message.sentMillis()));
        add.accept("ApproximateReceiveCount", Integer.toString(message.receiveCount()));
        add.accept("ApproximateFirstReceiveTimestamp", Long.toString(message.firstReceiveMillis()));
        if (fifo) {
            add.accept("SequenceNumber", message.sequenceNumber());
            add.accept("MessageDeduplicationId", message.deduplicationId());
        }
        add.accept("MessageGroupId", message.groupId());
        add.accept("AWSTraceHeader", message.traceHeader());
        add.accept("DeadLetterQueueSourceArn", message.deadLetterSourceArn());
        return out;
    }

    @Override
    public void deleteMessage(RequestContext context, DeleteMessageRequest input) {
        Queue queue = queue(context, input.queueUrl());
        queue.delete(handle(queue, input.receiptHandle()), input.receiptHandle());
    }

    @Override
    public DeleteMessageBatchResult deleteMessageBatch(RequestContext context, DeleteMessageBatchRequest input) {
        Queue queue = queue(context, input.queueUrl());
        checkBatch(input.entries(), DeleteMessageBatchRequestEntry::id, "DeleteMessageBatchRequestEntry");
        List<DeleteMessageBatchResultEntry> successful = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (DeleteMessageBatchRequestEntry entry : input.entries()) {
            try {
                queue.delete(handle(queue, entry.receiptHandle()), entry.receiptHandle());
                successful.add(new DeleteMessageBatchResultEntry(entry.id()));
            } catch (AwsException e) {
                failed.add(failure(entry.id(), e));
            }
        }
        return new DeleteMessageBatchResult(successful, failed);
    }

    @Override
    public void changeMessageVisibility(RequestContext context, ChangeMessageVisibilityRequest input) {
        Queue queue = queue(context, input.queueUrl());
        changeVisibility(queue, input.receiptHandle(), input.visibilityTimeout());
    }

    @Override
    public ChangeMessageVisibilityBatchResult changeMessageVisibilityBatch(RequestContext context, ChangeMessageVisibilityBatchRequest input) {
        Queue queue = queue(context, input.queueUrl());
        checkBatch(input.entries(), ChangeMessageVisibilityBatchRequestEntry::id, "ChangeMessageVisibilityBatchRequestEntry");
        List<ChangeMessageVisibilityBatchResultEntry> successful = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (ChangeMessageVisibilityBatchRequestEntry entry : input.entries()) {
            try {
                changeVisibility(queue, entry.receiptHandle(), entry.visibilityTimeout() == null ? 0 : entry.visibilityTimeout());
                successful.add(new ChangeMessageVisibilityBatchResultEntry(entry.id()));
            } catch (AwsException e) {
                failed.add(failure(entry.id(), e));
            }
        }
        return new ChangeMessageVisibilityBatchResult(successful, failed);
    }

    private static void changeVisibility(Queue queue, String receiptHandle, int timeout) {
        if (timeout < 0 || timeout > QueueAttributes.MAX_VISIBILITY_TIMEOUT) {
            throw SqsErrors.invalidParameter("VisibilityTimeout", timeout, "Must be between 0 and 43200, if provided.");
        }
        queue.changeVisibility(handle(queue, receiptHandle), receiptHandle, timeout);
    }

    // ---- helpers

    /** The queue the URL names, once running message move tasks have caught up with the clock. */
    private Queue queue(RequestContext context, String queueUrl) {
        moveTasks.catchUp();
        return queues.require(QueueUrls.parse(context, queueUrl));
    }

    /** A receipt handle of this queue (one from another queue is as invalid as garbage). */
    private static ReceiptHandle handle(Queue queue, String receiptHandle) {
        ReceiptHandle handle = ReceiptHandle.decode(receiptHandle);
        if (!handle.queue().account().equals(queue.id().account()) || !handle.queue().name().equals(queue.id().name())) {
            throw ReceiptHandle.invalid(receiptHandle);
        }
        return handle;
    }

    private static String senderId(RequestContext context) {
        String principal = context.principalArn();
        if (principal == null || principal.endsWith(":root") || context.accessKeyId() == null) {
            return context.account();
        }
        return context.accessKeyId();
    }

    private Map<String, String> allAttributes(Queue queue) {
        QueueRecord record = queue.record();
        Queue.Counts counts = queue.counts();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("QueueArn", queue.id().arn());
        out.put("ApproximateNumberOfMessages", Integer.toString(counts.visible()));
        out.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(counts.inFlight()));
        out.put("ApproximateNumberOfMessagesDelayed", Integer.toString(counts.delayed()));
        out.put("CreatedTimestamp", Long.toString(record.createdSeconds()));
        out.put("LastModifiedTimestamp", Long.toString(record.lastModifiedSeconds()));
        out.putAll(record.attributes());
        return out;
    }

    private static boolean knownAttributeName(String name) {
        for (QueueAttributeName known : QueueAttributeName.values()) {
            if (known.value().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Applies validated values; an empty policy removes it. */
    private static void apply(Map<String, String> attributes, Map<String, String> validated) {
        validated.forEach((name, value) -> {
            boolean removable = name.equals(QueueAttributes.REDRIVE_POLICY) || name.equals(QueueAttributes.REDRIVE_ALLOW_POLICY)
                    || name.equals(QueueAttributes.POLICY) || name.equals(QueueAttributes.KMS_MASTER_KEY_ID);
            if (removable && value.isEmpty()) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        });
    }

    /** The dead-letter queue must exist, be of the same type and allow this source. */
    private void checkRedriveTarget(QueueId source, boolean fifo, String redrivePolicy) {
        RedrivePolicy policy = RedrivePolicy.of(redrivePolicy);
        if (policy == null) {
            return;
        }
        Queue target = queues.byArn(policy.deadLetterTargetArn());
        if (target == null) {
            throw SqsErrors.invalidParameter("RedrivePolicy", redrivePolicy, "Dead letter target does not exist.");
        }
        if (target.record().fifo() != fifo) {
            throw SqsErrors.invalidParameter("RedrivePolicy", redrivePolicy,
                    "Dead-letter target must be the same type of queue as the source.");
        }
        String allow = target.record().attributes().get(QueueAttributes.REDRIVE_ALLOW_POLICY);
        if (allow != null && !allow.isEmpty() && !RedriveAllowPolicy.parse(allow).allows(source.arn())) {
            throw SqsErrors.invalidParameter("RedrivePolicy", redrivePolicy,
                    "Dead letter target's redrive allow policy does not allow this source queue.");
        }
    }

    private static void checkTags(String queueName, Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw SqsErrors.invalidParameterValue("Too many tags added for queue " + queueName + ".");
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 128 || (value != null && value.length() > 256)) {
                throw SqsErrors.invalidParameterValue("Tag keys must be 1 to 128 characters and values at most 256 characters.");
            }
        });
    }

    private static <T> void checkBatch(List<T> entries, Function<T, String> id, String entryName) {
        if (entries == null || entries.isEmpty()) {
            throw new EmptyBatchRequestException("There should be at least one " + entryName + " in the request.");
        }
        if (entries.size() > MAX_BATCH_ENTRIES) {
            throw new TooManyEntriesInBatchRequestException("Maximum number of entries per request are "
                    + MAX_BATCH_ENTRIES + ". You have sent " + entries.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (T entry : entries) {
            String entryId = id.apply(entry);
            if (entryId == null || !BATCH_ENTRY_ID.matcher(entryId).matches()) {
                throw new InvalidBatchEntryIdException("A batch entry id can only contain alphanumeric characters, "
                        + "hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!seen.add(entryId)) {
                throw new BatchEntryIdsNotDistinctException("Id " + entryId + " repeated.");
            }
        }
    }

    private static Map<String, AttributeValue> safeAttributes(Map<String, MessageAttributeValue> attributes) {
        try {
            return OutgoingMessages.attributes(attributes);
        } catch (AwsException e) {
            return Map.of();
        }
    }

    private static BatchResultErrorEntry failure(String id, AwsException e) {
        return new BatchResultErrorEntry(id, e.senderFault(), e.code(), e.getMessage());
    }

    private record Page(List<String> names, String nextToken) {
    }

    /** Without MaxResults AWS answers up to 1000 and no token; with it, pages by an opaque token. */
    private static Page page(List<String> names, Integer maxResults, String nextToken) {
        if (maxResults != null && (maxResults < 1 || maxResults > MAX_LIST_RESULTS)) {
            throw SqsErrors.invalidParameter("MaxResults", maxResults, "MaxResults must be an integer between 1 and 1000.");
        }
        int start = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            String after;
            try {
                after = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw SqsErrors.invalidParameterValue("Invalid NextToken value.");
            }
            while (start < names.size() && names.get(start).compareTo(after) <= 0) {
                start++;
            }
        }
        int limit = maxResults == null ? MAX_LIST_RESULTS : maxResults;
        int end = Math.min(names.size(), start + limit);
        List<String> pageNames = names.subList(start, end);
        String token = maxResults != null && end < names.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(names.get(end - 1).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page(pageNames, token);
    }
}
