package io.kasumi.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.RuleCompiler;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscription filter policies, matched with AWS's own event-ruler (the engine behind SNS and
 * EventBridge patterns): against the message attributes, or against the message body when the
 * subscription's FilterPolicyScope is MessageBody. Compiled policies are cached by their text.
 */
final class FilterPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULE = "policy";

    private final Map<String, Machine> machines = new ConcurrentHashMap<>();

    /** Rejects a policy SNS would refuse, with InvalidParameter. */
    static void validate(String policy, boolean bodyScope) {
        JsonNode node;
        try {
            node = JSON.readTree(policy);
        } catch (IOException e) {
            throw SnsErrors.invalidParameter("FilterPolicy: failed to parse JSON.");
        }
        if (node == null || !node.isObject()) {
            throw SnsErrors.invalidParameter("FilterPolicy: Filter policy must be a JSON object");
        }
        if (!bodyScope) {
            checkFlat(node);
        }
        if (node.isEmpty()) {
            return;
        }
        String problem = RuleCompiler.check(policy);
        if (problem != null) {
            throw SnsErrors.invalidParameter("FilterPolicy: " + problem);
        }
    }

    /** Attribute policies name attributes directly: each key holds a list of conditions (or $or). */
    private static void checkFlat(JsonNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("$or") && field.getValue().isArray()) {
                field.getValue().forEach(FilterPolicies::checkFlat);
            } else if (!field.getValue().isArray()) {
                throw SnsErrors.invalidParameter("FilterPolicy: Filter policy scope MessageAttributes does not support nested filter policy");
            }
        }
    }

    /** Whether a message passes the subscription's policy (no policy passes everything). */
    boolean matches(SubscriptionRecord subscription, Map<String, PublishAttribute> attributes, String body) {
        String policy = subscription.attributes().get(SubscriptionRecord.FILTER_POLICY);
        if (policy == null || policy.isBlank()) {
            return true;
        }
        Machine machine = machines.computeIfAbsent(policy, FilterPolicies::compile);
        if (machine == null || machine.isEmpty()) {
            return true;
        }
        boolean bodyScope = "MessageBody".equals(subscription.attributes().get(SubscriptionRecord.FILTER_POLICY_SCOPE));
        JsonNode event = bodyScope ? bodyEvent(body) : attributeEvent(attributes);
        return event != null && !machine.rulesForJSONEvent(event).isEmpty();
    }

    private static Machine compile(String policy) {
        Machine machine = new Machine();
        try {
            if (!JSON.readTree(policy).isEmpty()) {
                machine.addRule(RULE, policy);
            }
        } catch (IOException e) {
            throw new IllegalStateException("a stored filter policy no longer compiles", e);
        }
        return machine;
    }

    /** The body as an event: only a JSON object can match a body policy. */
    private static JsonNode bodyEvent(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** String attributes as strings, Number as numbers, String.Array as its array; Binary ones never match. */
    private static JsonNode attributeEvent(Map<String, PublishAttribute> attributes) {
        ObjectNode event = JSON.createObjectNode();
        attributes.forEach((name, attribute) -> {
            String type = attribute.dataType();
            if (type.startsWith("Number")) {
                event.set(name, JSON.getNodeFactory().numberNode(new java.math.BigDecimal(attribute.stringValue().trim())));
            } else if (type.equals("String.Array")) {
                try {
                    event.set(name, JSON.readTree(attribute.stringValue()));
                } catch (IOException e) {
                    event.put(name, attribute.stringValue());
                }
            } else if (type.startsWith("String")) {
                event.put(name, attribute.stringValue());
            }
        });
        return event;
    }
}
