package io.kasumi.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every vendored service model: routing facts from a small index read at start-up, full models
 * loaded on first use so start-up stays fast.
 */
public final class ServiceCatalog {
    private final Map<String, ServiceInfo> services;
    private final Map<String, ServiceModel> models = new ConcurrentHashMap<>();

    private ServiceCatalog(Map<String, ServiceInfo> services) {
        this.services = Collections.unmodifiableMap(services);
    }

    /** Reads the routing index vendored beside the models. */
    public static ServiceCatalog load() {
        try (InputStream in = ServiceCatalog.class.getClassLoader().getResourceAsStream("models/routing/index.json")) {
            if (in == null) {
                throw new IllegalStateException("models/routing/index.json is missing from the class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, ServiceInfo> services = new TreeMap<>();
            root.properties().forEach(entry -> {
                JsonNode node = entry.getValue();
                List<String> protocols = new ArrayList<>();
                node.path("protocols").forEach(p -> protocols.add(p.asText()));
                services.put(entry.getKey(), new ServiceInfo(entry.getKey(), text(node, "serviceId"), text(node, "apiVersion"),
                        text(node, "endpointPrefix"), text(node, "signingName"), text(node, "targetPrefix"), List.copyOf(protocols)));
            });
            return new ServiceCatalog(services);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public Collection<ServiceInfo> services() {
        return services.values();
    }

    public ServiceInfo info(String name) {
        return services.get(name);
    }

    /** The full model, loaded once. */
    public ServiceModel model(String name) {
        return models.computeIfAbsent(name, ServiceModelLoader::loadResource);
    }
}
