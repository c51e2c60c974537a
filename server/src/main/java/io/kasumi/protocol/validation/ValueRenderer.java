package io.kasumi.protocol.validation;

import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;

import java.util.List;
import java.util.Map;

/**
 * Prints a value the way AWS's Java services print it in a validation message: Java's
 * {@code toString} of the server-side object. Lists print as {@code [a, b]}, maps as
 * {@code {k=v}}, blobs as the ByteBuffer AWS holds them in, structures as
 * {@code ShapeName(member=value, other=null)}. Only runs when a request is being rejected.
 */
final class ValueRenderer {

    private ValueRenderer() {
    }

    static String render(Shape shape, Object value) {
        StringBuilder text = new StringBuilder();
        append(text, shape, value);
        return text.toString();
    }

    private static void append(StringBuilder text, Shape shape, Object value) {
        if (value == null) {
            text.append("null");
            return;
        }
        switch (shape) {
            case StructureShape structure when value instanceof Map<?, ?> fields -> {
                text.append(structure.name()).append('(');
                boolean first = true;
                for (Member member : structure.members().values()) {
                    if (!first) {
                        text.append(", ");
                    }
                    first = false;
                    text.append(RuleCompiler.pathSegment(member.name())).append('=');
                    append(text, member.target(), fields.get(member.name()));
                }
                text.append(')');
            }
            case ListShape list when value instanceof List<?> elements -> {
                text.append('[');
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) {
                        text.append(", ");
                    }
                    append(text, list.member().target(), elements.get(i));
                }
                text.append(']');
            }
            case MapShape map when value instanceof Map<?, ?> entries -> {
                text.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    if (!first) {
                        text.append(", ");
                    }
                    first = false;
                    append(text, map.key().target(), entry.getKey());
                    text.append('=');
                    append(text, map.value().target(), entry.getValue());
                }
                text.append('}');
            }
            case SimpleShape ignored when value instanceof byte[] bytes ->
                    text.append("java.nio.HeapByteBuffer[pos=0 lim=").append(bytes.length)
                            .append(" cap=").append(bytes.length).append(']');
            default -> text.append(value);
        }
    }
}
