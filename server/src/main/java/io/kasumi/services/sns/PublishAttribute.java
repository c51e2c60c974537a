package io.kasumi.services.sns;

import io.kasumi.api.sns.MessageAttributeValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One message attribute of a publish, checked as SNS checks them: types String, String.Array,
 * Number and Binary (with optional custom suffixes), non-empty values, numbers that parse.
 */
record PublishAttribute(String dataType, String stringValue, byte[] binaryValue) {
    private static final int MAX_ATTRIBUTES = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Pattern TYPE = Pattern.compile("(String|Number|Binary)(\\..+)?");

    boolean binary() {
        return dataType.startsWith("Binary");
    }

    static Map<String, PublishAttribute> of(Map<String, MessageAttributeValue> requested) {
        Map<String, PublishAttribute> out = new LinkedHashMap<>();
        if (requested == null) {
            return out;
        }
        if (requested.size() > MAX_ATTRIBUTES) {
            throw SnsErrors.invalidParameterValue("Number of message attributes [" + requested.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        requested.forEach((name, value) -> out.put(name, of(name, value)));
        return out;
    }

    private static PublishAttribute of(String name, MessageAttributeValue value) {
        String lower = name.toLowerCase();
        if (!NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                || lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw SnsErrors.invalidParameterValue("The message attribute name '" + name + "' is invalid.");
        }
        String type = value.dataType();
        if (type == null || type.isEmpty()) {
            throw SnsErrors.invalidParameterValue("The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        if (!TYPE.matcher(type).matches()) {
            throw SnsErrors.invalidParameterValue("The message attribute '" + name + "' has an invalid message attribute type, "
                    + "the set of supported type prefixes is Binary, Number, and String.");
        }
        if (type.startsWith("Binary")) {
            if (value.binaryValue() == null || value.binaryValue().length == 0) {
                throw empty(name, type);
            }
            return new PublishAttribute(type, null, value.binaryValue());
        }
        String text = value.stringValue();
        if (text == null || text.isEmpty()) {
            throw empty(name, type);
        }
        if (type.startsWith("Number")) {
            try {
                new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw SnsErrors.invalidParameterValue("Could not cast message attribute '" + name + "' value to number.");
            }
        }
        if (type.equals("String.Array") && !TopicAttributes.isJsonArray(text)) {
            throw SnsErrors.invalidParameterValue("The message attribute '" + name + "' with type 'String.Array' "
                    + "must be a JSON array of strings, numbers, booleans or nulls.");
        }
        return new PublishAttribute(type, text, null);
    }

    private static io.kasumi.api.AwsException empty(String name, String type) {
        return SnsErrors.invalidParameterValue("The message attribute '" + name
                + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
    }

    /** Bytes counted against the 256 KiB message limit. */
    int size(String name) {
        return utf8(name) + utf8(dataType) + (binary() ? binaryValue.length : utf8(stringValue));
    }

    private static int utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
