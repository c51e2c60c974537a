package io.kasumi.server;

import io.kasumi.services.DataPlane;
import io.kasumi.services.ServiceModule;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which running service's data plane a request is for, by its Host's labels or its path (see {@link DataPlane}). */
final class DataPlanes {

    /** The data plane a request goes to, and the service it belongs to (for the request log). */
    record Match(String service, DataPlane plane) {
    }

    private final Map<String, Match> byLabel = new HashMap<>();
    private final Map<String, Match> byPathPrefix = new HashMap<>();

    DataPlanes(Map<String, ServiceModule> modules) {
        modules.values().forEach(module -> module.dataPlane().ifPresent(plane -> {
            Match match = new Match(module.name(), plane);
            plane.hostLabels().forEach(label -> byLabel.put(label, match));
            plane.pathPrefixes().forEach(prefix -> byPathPrefix.put(prefix, match));
        }));
    }

    Optional<Match> find(String host, String rawPath) {
        if (!byPathPrefix.isEmpty() && rawPath != null && rawPath.startsWith("/_aws/")) {
            for (Map.Entry<String, Match> entry : byPathPrefix.entrySet()) {
                if (rawPath.startsWith(entry.getKey())) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        return byHost(host);
    }

    private Optional<Match> byHost(String host) {
        if (host == null || byLabel.isEmpty()) {
            return Optional.empty();
        }
        for (String label : host.toLowerCase(Locale.ROOT).split("\\.")) {
            Match match = byLabel.get(label);
            if (match == null) {
                int dash = label.indexOf('-', 1);
                while (match == null && dash > 0) {
                    match = byLabel.get(label.substring(0, dash));
                    dash = label.indexOf('-', dash + 1);
                }
            }
            if (match != null) {
                return Optional.of(match);
            }
        }
        return Optional.empty();
    }
}
