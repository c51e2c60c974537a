package io.kasumi.protocol.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pass of a value tree against its rules, collecting violations in model order until the
 * cap. The path is one builder grown and cut back as the walk descends, so a valid request
 * allocates next to nothing.
 */
final class Walk {
    private final int cap;
    private final boolean constraints;
    private final StringBuilder path = new StringBuilder(64);
    private List<Violation> found = List.of();

    /**
     * @param cap the most violations to collect
     * @param constraints false to look for missing required members only
     */
    Walk(int cap, boolean constraints) {
        this.cap = cap;
        this.constraints = constraints;
    }

    List<Violation> violations() {
        return found;
    }

    void structure(Rule.Structure rule, Map<?, ?> fields, boolean hidden) {
        for (Rule.MemberRule member : rule.members) {
            if (full()) {
                return;
            }
            Object value = fields.get(member.name());
            if (value == null && !member.mustBePresent()) {
                continue;
            }
            if (value != null && !member.target().active()) {
                continue;
            }
            int mark = enter(member.pathSegment());
            if (value == null) {
                add(member.wireName(), Violation.Shown.NULL, new Constraint.NotNull());
            } else {
                value(member.target(), value, member.wireName(), hidden);
            }
            path.setLength(mark);
        }
    }

    /** The value's own checks, each failure its own violation, then what is inside it. */
    private void value(Rule rule, Object value, String parameter, boolean hidden) {
        if (constraints) {
            for (Check check : rule.checks()) {
                if (!check.passes(value)) {
                    add(parameter, shown(rule, value, hidden), check.constraint());
                }
            }
        }
        inside(rule, value, parameter, hidden || rule.shape().traits().sensitive());
    }

    private void inside(Rule rule, Object value, String parameter, boolean hidden) {
        if (!rule.checksInside() || full()) {
            return;
        }
        switch (rule) {
            case Rule.Structure structure when value instanceof Map<?, ?> fields -> structure(structure, fields, hidden);
            case Rule.ListOf list when value instanceof List<?> elements -> elements(list, elements, parameter, hidden);
            case Rule.MapOf map when value instanceof Map<?, ?> entries -> entries(map, entries, parameter, hidden);
            default -> {
                // a value of another type than its shape: the codec's to reject, not ours
            }
        }
    }

    /**
     * Simple elements that fail are reported once, at the list; elements with members of their
     * own are walked at {@code list.N.member}.
     */
    private void elements(Rule.ListOf list, List<?> elements, String parameter, boolean hidden) {
        Rule element = list.element;
        if (constraints && !element.checks().isEmpty()) {
            for (Object value : elements) {
                if (value != null && !element.passesAll(value)) {
                    add(parameter, shown(list, elements, hidden),
                            new Constraint.Elements(Constraint.Scope.LIST_MEMBERS, element.constraints()));
                    break;
                }
            }
        }
        if (!element.checksInside()) {
            return;
        }
        boolean hideElements = hidden || element.shape().traits().sensitive();
        for (int i = 0; i < elements.size() && !full(); i++) {
            Object value = elements.get(i);
            if (value != null) {
                int mark = path.length();
                appendSeparator();
                path.append(i + 1).append(".member");
                inside(element, value, parameter, hideElements);
                path.setLength(mark);
            }
        }
    }

    /** Keys, then values, each reported once at the map; values with members walked at {@code map.KEY.member}. */
    private void entries(Rule.MapOf map, Map<?, ?> entries, String parameter, boolean hidden) {
        if (constraints) {
            aggregate(map, entries, entries.keySet(), map.key, Constraint.Scope.MAP_KEYS, parameter, hidden);
            aggregate(map, entries, entries.values(), map.value, Constraint.Scope.MAP_VALUES, parameter, hidden);
        }
        Rule value = map.value;
        if (!value.checksInside()) {
            return;
        }
        boolean hideValues = hidden || value.shape().traits().sensitive();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            if (full()) {
                return;
            }
            if (entry.getValue() != null) {
                int mark = path.length();
                appendSeparator();
                path.append(entry.getKey()).append(".member");
                inside(value, entry.getValue(), parameter, hideValues);
                path.setLength(mark);
            }
        }
    }

    private void aggregate(Rule.MapOf map, Map<?, ?> entries, Iterable<?> parts, Rule rule,
            Constraint.Scope scope, String parameter, boolean hidden) {
        if (rule.checks().isEmpty() || full()) {
            return;
        }
        for (Object part : parts) {
            if (part != null && !rule.passesAll(part)) {
                add(parameter, shown(map, entries, hidden), new Constraint.Elements(scope, rule.constraints()));
                return;
            }
        }
    }

    private static Violation.Shown shown(Rule rule, Object value, boolean hidden) {
        if (hidden || rule.hidesValue()) {
            return Violation.Shown.HIDDEN;
        }
        return new Violation.Shown.Text(ValueRenderer.render(rule.shape(), value));
    }

    private void add(String parameter, Violation.Shown value, Constraint constraint) {
        if (full()) {
            return;
        }
        if (found.isEmpty()) {
            found = new ArrayList<>(4);
        }
        found.add(new Violation(path.toString(), parameter, value, constraint));
    }

    private boolean full() {
        return found.size() >= cap;
    }

    private int enter(String segment) {
        int mark = path.length();
        appendSeparator();
        path.append(segment);
        return mark;
    }

    private void appendSeparator() {
        if (!path.isEmpty()) {
            path.append('.');
        }
    }
}
