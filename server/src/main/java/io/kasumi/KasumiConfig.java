package io.kasumi;

import java.nio.file.Path;
import java.util.Set;

/**
 * How a Kasumi instance runs.
 *
 * @param port the TCP port; 0 picks a free one
 * @param host the address to bind
 * @param dataDir where state is kept durably, or null for ephemeral state
 * @param services the services to enable, or empty for all
 * @param authMode off, verify or enforce
 */
public record KasumiConfig(int port, String host, Path dataDir, Set<String> services, String authMode) {

    public static final int DEFAULT_PORT = 4566;

    public KasumiConfig {
        services = Set.copyOf(services);
        if (!Set.of("off", "verify", "enforce").contains(authMode)) {
            throw new IllegalArgumentException("auth mode must be off, verify or enforce, not " + authMode);
        }
    }

    public boolean serviceEnabled(String service) {
        return services.isEmpty() || services.contains(service);
    }
}
