package io.kasumi.services.sqs;

import io.kasumi.api.AwsException;
import io.kasumi.api.sqs.InvalidMessageContentsException;
import io.kasumi.api.sqs.MessageAttributeValue;
import io.kasumi.api.sqs.MessageSystemAttributeValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a message about to be sent as AWS does, and turns it into what the queue stores. */
final class OutgoingMessages {
    private static final int MAX_ATTRIBUTES = 10;
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Pattern DATA_TYPE = Pattern.compile("(String|Number|Binary)(\\..+)?");
    /** Alphanumeric and punctuation, 1 to 128: MessageGroupId and MessageDeduplicationId. */
    private static final Pattern FIFO_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final String TRACE_HEADER = "AWSTraceHeader";

    /** The fields of SendMessage and of a SendMessageBatch entry. */
    record Request(String body, Integer delaySeconds, Map<String, MessageAttributeValue> attributes,
                   Map<String, MessageSystemAttributeValue> systemAttributes, String deduplicationId, String groupId) {
    }

    static Queue.Outgoing prepare(QueueRecord queue, Request request, String senderId) {
        String body = request.body();
        if (body == null || body.isEmpty()) {
            throw SqsErrors.missingParameter("MessageBody");
        }
        checkCharacters(body);
        Map<String, AttributeValue> attributes = attributes(request.attributes());
        String traceHeader = traceHeader(request.systemAttributes());
        int size = size(body, attributes);
        int limit = queue.intAttribute(QueueAttributes.MAXIMUM_MESSAGE_SIZE);
        if (size > limit) {
            throw SqsErrors.invalidParameterValue("One or more parameters are invalid. Reason: Message must be shorter than "
                    + limit + " bytes.");
        }
        boolean fifo = queue.fifo();
        Integer delay = request.delaySeconds();
        if (delay != null) {
            if (fifo) {
                throw SqsErrors.invalidParameter("DelaySeconds", delay,
                        "The request include parameter that is not valid for this queue type.");
            }
            if (delay < 0 || delay > 900) {
                throw SqsErrors.invalidParameter("DelaySeconds", delay, "DelaySeconds must be >= 0 and <= 900.");
            }
        }
        int effectiveDelay = delay != null ? delay : queue.intAttribute(QueueAttributes.DELAY_SECONDS);
        String groupId = request.groupId();
        if (groupId != null && !FIFO_ID.matcher(groupId).matches()) {
            throw SqsErrors.invalidParameter("MessageGroupId", groupId,
                    "MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.");
        }
        String deduplicationId = request.deduplicationId();
        if (!fifo) {
            if (deduplicationId != null) {
                throw SqsErrors.invalidParameter("MessageDeduplicationId", deduplicationId,
                        "The request includes a parameter that is not valid for this queue type.");
            }
        } else {
            if (groupId == null) {
                throw SqsErrors.missingParameter("MessageGroupId");
            }
            if (deduplicationId == null) {
                if (!"true".equals(queue.attributes().get(QueueAttributes.CONTENT_BASED_DEDUPLICATION))) {
                    throw SqsErrors.invalidParameterValue("The queue should either have ContentBasedDeduplication enabled "
                            + "or MessageDeduplicationId provided explicitly");
                }
                deduplicationId = MessageDigests.sha256(body);
            } else if (!FIFO_ID.matcher(deduplicationId).matches()) {
                throw SqsErrors.invalidParameter("MessageDeduplicationId", deduplicationId,
                        "MessageDeduplicationId can only include alphanumeric and punctuation characters. 1 to 128 in length.");
            }
        }
        return new Queue.Outgoing(body, attributes, traceHeader, senderId, effectiveDelay, groupId, deduplicationId);
    }

    /** The bytes a message counts against MaximumMessageSize: body and every attribute part. */
    static int size(String body, Map<String, AttributeValue> attributes) {
        int size = utf8(body);
        for (Map.Entry<String, AttributeValue> entry : attributes.entrySet()) {
            AttributeValue value = entry.getValue();
            size += utf8(entry.getKey()) + utf8(value.dataType())
                    + (value.binary() ? value.binaryValue().length : utf8(value.stringValue()));
        }
        return size;
    }

    static Map<String, AttributeValue> attributes(Map<String, MessageAttributeValue> requested) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        if (requested == null) {
            return out;
        }
        if (requested.size() > MAX_ATTRIBUTES) {
            throw SqsErrors.invalidParameterValue("Number of message attributes [" + requested.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        requested.forEach((name, value) -> out.put(name, attribute(name, value, "message (user)")));
        return out;
    }

    private static AttributeValue attribute(String name, MessageAttributeValue value, String kind) {
        String lower = name.toLowerCase();
        if (!ATTRIBUTE_NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                || lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw SqsErrors.invalidParameterValue("The " + kind + " attribute name '" + name + "' is invalid.");
        }
        String dataType = value.dataType();
        if (dataType == null || dataType.isEmpty()) {
            throw SqsErrors.invalidParameterValue("The " + kind + " attribute '" + name + "' must contain a non-empty attribute type.");
        }
        if (dataType.length() > 256 || !DATA_TYPE.matcher(dataType).matches()) {
            throw SqsErrors.invalidParameterValue("The type of " + kind + " attribute '" + name
                    + "' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
        }
        if (dataType.startsWith("Binary")) {
            if (value.binaryValue() == null || value.binaryValue().length == 0) {
                throw emptyValue(kind, name, dataType);
            }
            return new AttributeValue(dataType, null, value.binaryValue());
        }
        String text = value.stringValue();
        if (text == null || text.isEmpty()) {
            throw emptyValue(kind, name, dataType);
        }
        if (dataType.startsWith("Number")) {
            try {
                new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw SqsErrors.invalidParameterValue("Can't cast the value of " + kind + " attribute '" + name + "' to a number.");
            }
        }
        checkCharacters(text);
        return new AttributeValue(dataType, text, null);
    }

    private static AwsException emptyValue(String kind, String name, String dataType) {
        return SqsErrors.invalidParameterValue("The " + kind + " attribute '" + name
                + "' must contain a non-empty attribute value for attribute type '" + dataType + "'.");
    }

    /** AWSTraceHeader is the one system attribute a sender may set. */
    static String traceHeader(Map<String, MessageSystemAttributeValue> requested) {
        if (requested == null || requested.isEmpty()) {
            return null;
        }
        String header = null;
        for (Map.Entry<String, MessageSystemAttributeValue> entry : requested.entrySet()) {
            MessageSystemAttributeValue value = entry.getValue();
            if (!entry.getKey().equals(TRACE_HEADER)) {
                throw SqsErrors.invalidParameterValue("Message system attribute name '" + entry.getKey() + "' is invalid.");
            }
            if (!"String".equals(value.dataType()) || value.stringValue() == null || value.stringValue().isEmpty()) {
                throw SqsErrors.invalidParameterValue("Message system attribute 'AWSTraceHeader' must be of type String "
                        + "with a non-empty value.");
            }
            header = value.stringValue();
        }
        return header;
    }

    static Map<String, AttributeValue> systemAttributes(String traceHeader) {
        return traceHeader == null ? Map.of() : Map.of(TRACE_HEADER, new AttributeValue("String", traceHeader, null));
    }

    /** SQS accepts the characters of XML 1.0: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF. */
    static void checkCharacters(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed) {
                throw new InvalidMessageContentsException("Invalid characters found. Valid unicode characters are "
                        + "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
            }
            i += Character.charCount(c);
        }
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private OutgoingMessages() {
    }
}
