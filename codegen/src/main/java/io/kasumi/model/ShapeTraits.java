package io.kasumi.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Shape-level traits of a model, typed where the codecs or validation read them.
 *
 * @param min length, size or value minimum (model "min"), null when absent
 * @param max length, size or value maximum (model "max"), null when absent
 * @param timestampFormat "iso8601", "rfc822" or "unixTimestamp", null for the protocol default
 * @param error the error trait of an exception shape, null otherwise
 * @param payload for structures, the member bound to the HTTP payload, null otherwise
 * @param locationName shape-level wire name (rest-xml root elements), null otherwise
 */
public record ShapeTraits(
        boolean sensitive,
        boolean streaming,
        boolean requiresLength,
        boolean eventStream,
        boolean event,
        boolean exception,
        boolean fault,
        boolean flattened,
        BigDecimal min,
        BigDecimal max,
        String pattern,
        List<String> enumValues,
        String timestampFormat,
        ErrorTrait error,
        String payload,
        String locationName,
        XmlNamespace xmlNamespace,
        Map<String, Object> raw) {
}
