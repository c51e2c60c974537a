package io.kasumi.shared;

import java.util.Optional;

/**
 * An Amazon Resource Name: {@code arn:partition:service:region:account:resource}.
 *
 * @param resource everything after the fifth colon, e.g. "role/path/name"
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** Parses an ARN; empty when the text is not one. */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** The resource type before the first '/' or ':' ("role" of "role/path/name"). */
    public String resourceType() {
        int end = firstSeparator();
        return end < 0 ? resource : resource.substring(0, end);
    }

    /** The last path element of the resource ("name" of "role/path/name"). */
    public String resourceName() {
        int slash = resource.lastIndexOf('/');
        int colon = resource.lastIndexOf(':');
        return resource.substring(Math.max(slash, colon) + 1);
    }

    private int firstSeparator() {
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        if (slash < 0) {
            return colon;
        }
        return colon < 0 ? slash : Math.min(slash, colon);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
