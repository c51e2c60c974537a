package io.kasumi.protocol.validation;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of the tree turned into one whose {@code equals} and {@code hashCode} are Smithy's
 * equality, for finding repeated list elements. Most values already compare that way (strings,
 * numbers of one shape, booleans, {@link java.time.Instant}s, maps regardless of order); what
 * doesn't is rewritten: blobs compare by content, big decimals by value ({@code 1.0} = {@code 1.00}),
 * and lists and maps holding either are rewritten all the way down.
 */
final class ItemKey {

    private ItemKey() {
    }

    /** The key of {@code value}; null (an element of a sparse list) stays null. */
    static Object of(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> ByteBuffer.wrap(bytes);
            case BigDecimal decimal -> decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
            case List<?> list -> {
                List<Object> keys = new ArrayList<>(list.size());
                for (Object element : list) {
                    keys.add(of(element));
                }
                yield keys;
            }
            case Map<?, ?> map -> {
                Map<Object, Object> keys = HashMap.newHashMap(map.size());
                map.forEach((key, element) -> keys.put(key, of(element)));
                yield keys;
            }
            default -> value;
        };
    }
}
