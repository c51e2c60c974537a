package io.kasumi.protocol.codec;

import io.kasumi.model.Member;
import io.kasumi.model.ShapeType;
import io.kasumi.model.StructureShape;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A member's model default ("default" in the model, as JSON) as a value-tree value of the
 * member's type. Servers fill these in for members a request or a result leaves out.
 */
public final class ModelDefaults {
    private ModelDefaults() {
    }

    /** The typed default of the member, or null when the model gives none. */
    public static Object of(Member member) {
        Object raw = member.defaultValue();
        if (raw == null) {
            return null;
        }
        return switch (member.target().type()) {
            case STRING -> raw.toString();
            case BOOLEAN -> raw instanceof Boolean b ? b : Boolean.parseBoolean(raw.toString());
            case BYTE -> number(raw).byteValue();
            case SHORT -> number(raw).shortValue();
            case INTEGER -> number(raw).intValue();
            case LONG -> number(raw).longValue();
            case FLOAT -> number(raw).floatValue();
            case DOUBLE -> number(raw).doubleValue();
            case BIG_INTEGER -> number(raw).toBigInteger();
            case BIG_DECIMAL -> number(raw);
            case BLOB -> Base64Values.decode(raw.toString());
            case TIMESTAMP -> raw instanceof Number n
                    ? Timestamps.fromEpochSeconds(new BigDecimal(n.toString()))
                    : timestamp(raw.toString());
            case LIST -> List.of();
            case MAP -> Map.of();
            case DOCUMENT -> raw;
            case STRUCTURE, UNION -> null;
        };
    }

    /**
     * Puts the default of each member of {@code shape} that {@code include} accepts and
     * {@code values} lacks. Unions are left alone (one member set is their whole meaning), and so
     * are streamed members, whose values are streams rather than the modelled bytes.
     */
    public static void fillAbsent(StructureShape shape, Map<String, Object> values, Predicate<Member> include) {
        if (shape.type() == ShapeType.UNION) {
            return;
        }
        for (Member member : shape.members().values()) {
            if (member.defaultValue() != null && !member.isStreaming() && values.get(member.name()) == null
                    && include.test(member)) {
                Object value = of(member);
                if (value != null) {
                    values.put(member.name(), value);
                }
            }
        }
    }

    private static BigDecimal number(Object raw) {
        return raw instanceof BigDecimal d ? d
                : raw instanceof BigInteger i ? new BigDecimal(i)
                : new BigDecimal(raw.toString());
    }

    private static Instant timestamp(String text) {
        return text.matches("-?\\d+(\\.\\d+)?") ? Timestamps.parseEpochSeconds(text) : Timestamps.parseDateTime(text);
    }
}
