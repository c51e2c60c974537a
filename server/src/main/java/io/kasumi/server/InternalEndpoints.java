package io.kasumi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kasumi.clock.VirtualClock;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.services.ServiceCatalog;
import io.kasumi.services.ServiceInfo;
import io.kasumi.services.ServiceModule;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Kasumi's own endpoints: health, reset and the virtual clock; plus LocalStack's and moto's
 * health and reset paths, so test setups written for them keep working.
 */
final class InternalEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceCatalog catalog;
    private final Map<String, ServiceModule> modules;
    private final Predicate<String> enabled;
    private final VirtualClock clock;
    private final String version;

    InternalEndpoints(ServiceCatalog catalog, Map<String, ServiceModule> modules, Predicate<String> enabled,
                      VirtualClock clock, String version) {
        this.catalog = catalog;
        this.modules = modules;
        this.enabled = enabled;
        this.clock = clock;
        this.version = version;
    }

    static boolean matches(HttpRequest request) {
        String path = request.rawPath();
        return path.startsWith("/_kasumi/") || path.startsWith("/_localstack/") || path.startsWith("/moto-api/");
    }

    HttpResponse handle(HttpRequest request) {
        String path = request.rawPath();
        String method = request.method();
        try {
            return switch (path) {
                case "/_kasumi/health", "/_localstack/health", "/_localstack/health/" -> health();
                case "/_kasumi/reset", "/_localstack/state/reset", "/moto-api/reset" ->
                        "POST".equals(method) ? reset(Optional.ofNullable(request.queryParameter("service"))) : notAllowed();
                case "/_kasumi/clock" -> switch (method) {
                    case "GET" -> clockState();
                    case "POST", "PUT" -> setClock(request);
                    default -> notAllowed();
                };
                default -> {
                    if (path.startsWith("/_kasumi/reset/") && "POST".equals(method)) {
                        yield reset(Optional.of(path.substring("/_kasumi/reset/".length())));
                    }
                    if (path.startsWith("/_localstack/state/") && path.endsWith("/reset") && "POST".equals(method)) {
                        yield reset(Optional.of(path.substring("/_localstack/state/".length(), path.length() - "/reset".length())));
                    }
                    Optional<HttpResponse> ofService = serviceEndpoint(path, request);
                    if (ofService.isPresent()) {
                        yield ofService.get();
                    }
                    yield error(404, "NotFound", "No internal endpoint at " + path);
                }
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return error(400, "InvalidRequest", e.getMessage());
        }
    }

    /** /_kasumi/NAME/PATH, answered by the running service NAME. */
    private Optional<HttpResponse> serviceEndpoint(String path, HttpRequest request) {
        if (!path.startsWith("/_kasumi/")) {
            return Optional.empty();
        }
        String rest = path.substring("/_kasumi/".length());
        int slash = rest.indexOf('/');
        ServiceModule module = modules.get(slash < 0 ? rest : rest.substring(0, slash));
        return module == null ? Optional.empty() : module.internalEndpoint(slash < 0 ? "" : rest.substring(slash), request);
    }

    private HttpResponse health() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode services = root.putObject("services");
        for (ServiceInfo info : catalog.services()) {
            String state;
            if (!enabled.test(info.name())) {
                state = "disabled";
            } else {
                state = modules.containsKey(info.name()) ? "running" : "available";
            }
            services.put(info.name(), state);
        }
        root.put("edition", "kasumi");
        root.put("version", version);
        return json(200, root);
    }

    private HttpResponse reset(Optional<String> service) {
        if (service.isPresent()) {
            ServiceModule module = modules.get(service.get());
            if (module == null) {
                return error(404, "UnknownService", "No running service named " + service.get());
            }
            module.reset();
        } else {
            modules.values().forEach(ServiceModule::reset);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("reset", service.orElse("all"));
        return json(200, root);
    }

    private HttpResponse clockState() {
        ObjectNode root = JSON.createObjectNode();
        Instant now = clock.instant();
        root.put("now", now.toString());
        root.put("epochMillis", now.toEpochMilli());
        root.put("frozen", clock.isFrozen());
        root.put("offsetMillis", clock.offset().toMillis());
        return json(200, root);
    }

    /**
     * Body fields, applied in this order: {"reset": true}, {"freeze": true}, {"set": ISO instant or
     * epoch millis}, {"advance": ISO duration or seconds}, {"resume": true}. Freezing first lets
     * one request stop time exactly at the instant it sets.
     */
    private HttpResponse setClock(HttpRequest request) {
        JsonNode body;
        try {
            byte[] bytes = request.bodyBytes();
            body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            return error(400, "SerializationException", "The clock request body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            return error(400, "SerializationException", "The clock request body must be a JSON object");
        }
        if (body.path("reset").asBoolean(false)) {
            clock.reset();
        }
        if (body.path("freeze").asBoolean(false)) {
            clock.freeze();
        }
        JsonNode set = body.get("set");
        if (set != null) {
            clock.set(set.isNumber() ? Instant.ofEpochMilli(set.asLong()) : Instant.parse(set.asText()));
        }
        JsonNode advance = body.get("advance");
        if (advance != null) {
            clock.advance(advance.isNumber() ? Duration.ofMillis((long) (advance.asDouble() * 1000)) : Duration.parse(advance.asText()));
        }
        if (body.path("resume").asBoolean(false)) {
            clock.resume();
        }
        return clockState();
    }

    private static HttpResponse notAllowed() {
        return error(405, "MethodNotAllowed", "The method is not allowed for this endpoint");
    }

    private static HttpResponse error(int status, String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("__type", code);
        root.put("message", message);
        return json(status, root);
    }

    private static HttpResponse json(int status, JsonNode node) {
        try {
            return HttpResponse.of(status, "application/json", JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
