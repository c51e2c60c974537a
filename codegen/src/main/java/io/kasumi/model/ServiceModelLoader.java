package io.kasumi.model;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a botocore-format service model (service-2.json) into a {@link ServiceModel}.
 *
 * <p>An optional patch overlay in the same format is merged first: objects merge member by
 * member, anything else is replaced. It mends the models' known gaps (missing error shapes,
 * members) without editing the vendored files.
 */
public final class ServiceModelLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceModelLoader() {
    }

    public static ServiceModel load(String serviceName, InputStream model, InputStream patch) {
        try {
            Map<String, Object> root = readObject(model);
            if (patch != null) {
                merge(root, readObject(patch));
            }
            return fromTree(serviceName, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model of " + serviceName, e);
        }
    }

    /** Loads models/NAME.json and models/patches/NAME.json (if any) from the class path. */
    public static ServiceModel loadResource(String serviceName) {
        ClassLoader loader = ServiceModelLoader.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream("models/" + serviceName + ".json");
             InputStream patch = loader.getResourceAsStream("models/patches/" + serviceName + ".json")) {
            if (model == null) {
                throw new IllegalArgumentException("no model for service " + serviceName);
            }
            return load(serviceName, model, patch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readObject(InputStream in) throws IOException {
        return JSON.readValue(in, LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> base, Map<String, Object> overlay) {
        overlay.forEach((key, value) -> {
            Object existing = base.get(key);
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                merge((Map<String, Object>) existingMap, (Map<String, Object>) valueMap);
            } else {
                base.put(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    public static ServiceModel fromTree(String serviceName, Map<String, Object> root) {
        Map<String, Object> metadata = map(root.get("metadata"));
        Map<String, Object> shapeDefs = map(root.get("shapes"));

        Map<String, Shape> shapes = new TreeMap<>();
        shapeDefs.forEach((name, def) -> shapes.put(name, createShape(name, map(def))));
        shapeDefs.forEach((name, def) -> link(shapes.get(name), map(def), shapes));

        Map<String, Operation> operations = new TreeMap<>();
        map(root.get("operations")).forEach((name, def) -> operations.put(name, operation(name, map(def), shapes)));

        String protocol = (String) metadata.get("protocol");
        List<String> protocols = metadata.get("protocols") instanceof List<?> list
                ? List.copyOf((List<String>) list) : List.of(protocol);
        String endpointPrefix = (String) metadata.get("endpointPrefix");
        String signingName = (String) metadata.getOrDefault("signingName", endpointPrefix);
        return new ServiceModel(
                serviceName,
                (String) metadata.get("serviceId"),
                (String) metadata.get("apiVersion"),
                protocol,
                protocols,
                endpointPrefix,
                signingName,
                (String) metadata.get("targetPrefix"),
                (String) metadata.get("jsonVersion"),
                (String) metadata.get("xmlNamespace"),
                metadata.containsKey("awsQueryCompatible"),
                Collections.unmodifiableMap(operations),
                Collections.unmodifiableMap(shapes));
    }

    private static Shape createShape(String name, Map<String, Object> def) {
        ShapeType type = ShapeType.fromModel((String) def.get("type"), isTrue(def, "union"), isTrue(def, "document"));
        ShapeTraits traits = shapeTraits(def);
        return switch (type) {
            case STRUCTURE, UNION -> new StructureShape(name, type, traits);
            case LIST -> new ListShape(name, traits);
            case MAP -> new MapShape(name, traits);
            default -> new SimpleShape(name, type, traits);
        };
    }

    @SuppressWarnings("unchecked")
    private static ShapeTraits shapeTraits(Map<String, Object> def) {
        ErrorTrait error = null;
        if (def.get("error") instanceof Map<?, ?> e) {
            Map<String, Object> err = (Map<String, Object>) e;
            error = new ErrorTrait(
                    (String) err.get("code"),
                    err.get("httpStatusCode") instanceof Number n ? n.intValue() : (isTrue(def, "fault") ? 500 : 400),
                    !Boolean.FALSE.equals(err.get("senderFault")) && !isTrue(def, "fault"));
        } else if (isTrue(def, "exception")) {
            error = new ErrorTrait(null, isTrue(def, "fault") ? 500 : 400, !isTrue(def, "fault"));
        }
        List<String> enumValues = def.get("enum") instanceof List<?> values ? List.copyOf((List<String>) values) : null;
        return new ShapeTraits(
                isTrue(def, "sensitive"),
                isTrue(def, "streaming"),
                isTrue(def, "requiresLength"),
                isTrue(def, "eventstream"),
                isTrue(def, "event"),
                isTrue(def, "exception"),
                isTrue(def, "fault"),
                isTrue(def, "flattened"),
                decimal(def.get("min")),
                decimal(def.get("max")),
                (String) def.get("pattern"),
                enumValues,
                (String) def.get("timestampFormat"),
                error,
                (String) def.get("payload"),
                (String) def.get("locationName"),
                namespace(def.get("xmlNamespace")),
                Collections.unmodifiableMap(def));
    }

    @SuppressWarnings("unchecked")
    private static void link(Shape shape, Map<String, Object> def, Map<String, Shape> shapes) {
        switch (shape) {
            case StructureShape structure -> {
                List<String> required = def.get("required") instanceof List<?> r ? (List<String>) r : List.of();
                map(def.get("members")).forEach((memberName, memberDef) ->
                        structure.addMember(member(memberName, map(memberDef), shapes, required.contains(memberName))));
            }
            case ListShape list -> list.link(member("member", map(def.get("member")), shapes, false));
            case MapShape mapShape -> mapShape.link(
                    member("key", map(def.get("key")), shapes, false),
                    member("value", map(def.get("value")), shapes, false));
            case SimpleShape simple -> {
                // scalars have no members
            }
        }
    }

    private static Member member(String name, Map<String, Object> def, Map<String, Shape> shapes, boolean required) {
        String targetName = (String) def.get("shape");
        Shape target = shapes.get(targetName);
        if (target == null) {
            throw new IllegalArgumentException("member " + name + " targets unknown shape " + targetName);
        }
        return new Member(
                name,
                target,
                Location.fromModel((String) def.get("location"), target instanceof MapShape),
                (String) def.get("locationName"),
                (String) def.get("queryName"),
                isTrue(def, "flattened"),
                isTrue(def, "xmlAttribute"),
                namespace(def.get("xmlNamespace")),
                isTrue(def, "jsonvalue"),
                isTrue(def, "idempotencyToken"),
                isTrue(def, "hostLabel"),
                isTrue(def, "eventpayload"),
                isTrue(def, "eventheader"),
                (String) def.get("timestampFormat"),
                required,
                def.get("default"),
                Collections.unmodifiableMap(def));
    }

    private static Operation operation(String name, Map<String, Object> def, Map<String, Shape> shapes) {
        Map<String, Object> http = map(def.get("http"));
        Map<String, Object> input = map(def.get("input"));
        Map<String, Object> output = map(def.get("output"));
        List<StructureShape> errors = new ArrayList<>();
        if (def.get("errors") instanceof List<?> list) {
            for (Object error : list) {
                if (shapes.get((String) map(error).get("shape")) instanceof StructureShape s) {
                    errors.add(s);
                }
            }
        }
        return new Operation(
                name,
                (String) http.getOrDefault("method", "POST"),
                (String) http.getOrDefault("requestUri", "/"),
                http.get("responseCode") instanceof Number n ? n.intValue() : 200,
                structure(shapes, input.get("shape")),
                structure(shapes, output.get("shape")),
                (String) output.get("resultWrapper"),
                List.copyOf(errors),
                (String) map(def.get("endpoint")).get("hostPrefix"),
                Collections.unmodifiableMap(def));
    }

    /** The named structure, or null when the operation names none (TreeMap rejects null keys). */
    private static StructureShape structure(Map<String, Shape> shapes, Object name) {
        return name instanceof String shapeName ? (StructureShape) shapes.get(shapeName) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static boolean isTrue(Map<String, Object> def, String key) {
        return Boolean.TRUE.equals(def.get(key));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    @SuppressWarnings("unchecked")
    private static XmlNamespace namespace(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> ns = (Map<String, Object>) m;
            return new XmlNamespace((String) ns.get("uri"), (String) ns.get("prefix"));
        }
        return value instanceof String uri ? new XmlNamespace(uri, null) : null;
    }
}
