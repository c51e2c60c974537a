package io.kasumi.services.sns;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** SNS list pages: 100 items, continued by an opaque token naming the last key answered. */
final class Pages {
    private static final int PAGE_SIZE = 100;

    record Page<T>(List<T> items, String nextToken) {
    }

    static <T> Page<T> page(List<T> items, Function<T, String> key, String nextToken) {
        int start = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            String after;
            try {
                after = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw SnsErrors.invalidParameter("NextToken");
            }
            int index = -1;
            for (int i = 0; i < items.size(); i++) {
                if (key.apply(items.get(i)).equals(after)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                throw SnsErrors.invalidParameter("NextToken");
            }
            start = index + 1;
        }
        int end = Math.min(items.size(), start + PAGE_SIZE);
        String token = end < items.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(key.apply(items.get(end - 1)).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(items.subList(start, end), token);
    }

    private Pages() {
    }
}
