package io.kasumi.protocol.conformance;

import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import software.amazon.smithy.aws.traits.ServiceTrait;
import software.amazon.smithy.aws.traits.auth.SigV4Trait;
import software.amazon.smithy.aws.traits.customizations.S3UnwrappedXmlOutputTrait;
import software.amazon.smithy.aws.traits.protocols.AwsQueryCompatibleTrait;
import software.amazon.smithy.aws.traits.protocols.AwsQueryErrorTrait;
import software.amazon.smithy.aws.traits.protocols.Ec2QueryNameTrait;
import software.amazon.smithy.model.Model;
import software.amazon.smithy.model.knowledge.TopDownIndex;
import software.amazon.smithy.model.neighbor.Walker;
import software.amazon.smithy.model.node.Node;
import software.amazon.smithy.model.shapes.CollectionShape;
import software.amazon.smithy.model.shapes.EnumShape;
import software.amazon.smithy.model.shapes.MapShape;
import software.amazon.smithy.model.shapes.MemberShape;
import software.amazon.smithy.model.shapes.OperationShape;
import software.amazon.smithy.model.shapes.ServiceShape;
import software.amazon.smithy.model.shapes.Shape;
import software.amazon.smithy.model.shapes.ShapeId;
import software.amazon.smithy.model.shapes.StructureShape;
import software.amazon.smithy.model.shapes.UnionShape;
import software.amazon.smithy.model.traits.DefaultTrait;
import software.amazon.smithy.model.traits.EndpointTrait;
import software.amazon.smithy.model.traits.EnumDefinition;
import software.amazon.smithy.model.traits.EnumTrait;
import software.amazon.smithy.model.traits.ErrorTrait;
import software.amazon.smithy.model.traits.EventHeaderTrait;
import software.amazon.smithy.model.traits.EventPayloadTrait;
import software.amazon.smithy.model.traits.HostLabelTrait;
import software.amazon.smithy.model.traits.HttpErrorTrait;
import software.amazon.smithy.model.traits.HttpHeaderTrait;
import software.amazon.smithy.model.traits.HttpLabelTrait;
import software.amazon.smithy.model.traits.HttpPayloadTrait;
import software.amazon.smithy.model.traits.HttpPrefixHeadersTrait;
import software.amazon.smithy.model.traits.HttpQueryParamsTrait;
import software.amazon.smithy.model.traits.HttpQueryTrait;
import software.amazon.smithy.model.traits.HttpResponseCodeTrait;
import software.amazon.smithy.model.traits.HttpTrait;
import software.amazon.smithy.model.traits.IdempotencyTokenTrait;
import software.amazon.smithy.model.traits.JsonNameTrait;
import software.amazon.smithy.model.traits.LengthTrait;
import software.amazon.smithy.model.traits.MediaTypeTrait;
import software.amazon.smithy.model.traits.MixinTrait;
import software.amazon.smithy.model.traits.PatternTrait;
import software.amazon.smithy.model.traits.RangeTrait;
import software.amazon.smithy.model.traits.RequestCompressionTrait;
import software.amazon.smithy.model.traits.RequiredTrait;
import software.amazon.smithy.model.traits.RequiresLengthTrait;
import software.amazon.smithy.model.traits.SensitiveTrait;
import software.amazon.smithy.model.traits.SparseTrait;
import software.amazon.smithy.model.traits.StreamingTrait;
import software.amazon.smithy.model.traits.TimestampFormatTrait;
import software.amazon.smithy.model.traits.UniqueItemsTrait;
import software.amazon.smithy.model.traits.XmlAttributeTrait;
import software.amazon.smithy.model.traits.XmlFlattenedTrait;
import software.amazon.smithy.model.traits.XmlNameTrait;
import software.amazon.smithy.model.traits.XmlNamespaceTrait;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Converts a Smithy service (and every shape it reaches) into our {@link ServiceModel} the way
 * botocore derives its service-2.json files from Smithy: it builds the botocore-format tree and
 * hands it to {@link ServiceModelLoader#fromTree}, so the conformance tests also exercise the
 * loader our real models go through.
 *
 * <p>Traits are mapped only where the service's protocol honours them: HTTP bindings for the REST
 * protocols, {@code @jsonName} for restJson1, {@code @xmlName} and friends for the XML/query ones.
 */
public final class SmithyModelAdapter {
    private static final String PRELUDE = "smithy.api";
    private static final ShapeId UNIT = ShapeId.from("smithy.api#Unit");

    private final Model model;
    private final ServiceShape service;
    private final ConformanceProtocol protocol;
    private final Map<ShapeId, String> names = new LinkedHashMap<>();
    private final Set<ShapeId> eventShapes = new HashSet<>();
    private final Set<ShapeId> inputShapes = new HashSet<>();
    private final Map<String, Object> shapeDefs = new TreeMap<>();
    private final List<DerivedShape> derivedShapes = new ArrayList<>();

    /** A copy of a target shape with a member's own constraints, defined once every shape is. */
    private record DerivedShape(String name, String target, Map<String, Object> constraints) {
    }

    private SmithyModelAdapter(Model model, ServiceShape service, ConformanceProtocol protocol) {
        this.model = model;
        this.service = service;
        this.protocol = protocol;
    }

    /** The service as our runtime model. */
    public static ServiceModel toServiceModel(Model model, ServiceShape service, ConformanceProtocol protocol) {
        return ServiceModelLoader.fromTree(service.getId().getName(), toTree(model, service, protocol));
    }

    /** The service as a botocore-format tree (metadata, operations, shapes). */
    public static Map<String, Object> toTree(Model model, ServiceShape service, ConformanceProtocol protocol) {
        return new SmithyModelAdapter(model, service, protocol).tree();
    }

    /** The name a shape of this service carries in the converted model (renames applied). */
    public static String shapeName(ServiceShape service, ShapeId id) {
        return service.getContextualName(id);
    }

    private Map<String, Object> tree() {
        List<Shape> closure = new Walker(model).walkShapes(service).stream()
                .filter(s -> !s.isMemberShape() && !s.isOperationShape() && !s.isServiceShape() && !s.isResourceShape())
                .filter(s -> !s.hasTrait(MixinTrait.class))
                .sorted((a, b) -> a.getId().compareTo(b.getId()))
                .toList();
        assignNames(closure);
        TopDownIndex.of(model).getContainedOperations(service)
                .forEach(operation -> operation.getInput().ifPresent(inputShapes::add));
        closure.stream().filter(s -> s instanceof UnionShape && s.hasTrait(StreamingTrait.class))
                .forEach(s -> s.members().forEach(m -> eventShapes.add(m.getTarget())));
        closure.forEach(this::define);
        defineDerivedShapes();

        Map<String, Object> operations = new TreeMap<>();
        for (OperationShape operation : TopDownIndex.of(model).getContainedOperations(service)) {
            operations.put(names.computeIfAbsent(operation.getId(), service::getContextualName), operation(operation));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "2.0");
        root.put("metadata", metadata());
        root.put("operations", operations);
        root.put("shapes", shapeDefs);
        return root;
    }

    /** Contextual names; a prelude shape keeps its short name unless the service uses it too. */
    private void assignNames(List<Shape> closure) {
        Set<String> serviceNames = closure.stream().filter(s -> !PRELUDE.equals(s.getId().getNamespace()))
                .map(s -> service.getContextualName(s.getId())).collect(Collectors.toSet());
        for (Shape shape : closure) {
            String name = service.getContextualName(shape.getId());
            if (PRELUDE.equals(shape.getId().getNamespace()) && serviceNames.contains(name)) {
                name = PRELUDE + "#" + name;
            }
            names.put(shape.getId(), name);
        }
    }

    private String nameOf(ShapeId id) {
        String name = names.get(id);
        if (name == null) {
            throw new IllegalStateException("shape " + id + " is outside the closure of " + service.getId());
        }
        return name;
    }

    private Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        String name = service.getId().getName();
        ServiceTrait aws = service.getTrait(ServiceTrait.class).orElse(null);
        metadata.put("apiVersion", service.getVersion());
        metadata.put("serviceId", aws != null ? aws.getSdkId() : name);
        metadata.put("endpointPrefix", aws != null ? aws.getEndpointPrefix() : name.toLowerCase(Locale.ROOT));
        service.getTrait(SigV4Trait.class).ifPresent(t -> metadata.put("signingName", t.getName()));
        metadata.put("protocol", protocol.botocoreName());
        metadata.put("protocols", List.of(protocol.botocoreName()));
        switch (protocol) {
            case AWS_JSON_1_0 -> {
                metadata.put("jsonVersion", "1.0");
                metadata.put("targetPrefix", name);
            }
            case AWS_JSON_1_1 -> {
                metadata.put("jsonVersion", "1.1");
                metadata.put("targetPrefix", name);
            }
            case RPC_V2_CBOR -> metadata.put("targetPrefix", name);
            default -> {
                // REST and query protocols route by path, method or Action
            }
        }
        service.getTrait(XmlNamespaceTrait.class).ifPresent(ns -> metadata.put("xmlNamespace", ns.getUri()));
        if (service.hasTrait(AwsQueryCompatibleTrait.class)) {
            metadata.put("awsQueryCompatible", Map.of());
        }
        return metadata;
    }

    private Map<String, Object> operation(OperationShape operation) {
        Map<String, Object> def = new LinkedHashMap<>();
        String name = nameOf(operation.getId());
        def.put("name", name);
        Map<String, Object> http = new LinkedHashMap<>();
        HttpTrait httpTrait = protocol.isRest() ? operation.getTrait(HttpTrait.class).orElse(null) : null;
        http.put("method", httpTrait != null ? httpTrait.getMethod() : "POST");
        http.put("requestUri", httpTrait != null ? httpTrait.getUri().toString() : "/");
        if (httpTrait != null) {
            http.put("responseCode", httpTrait.getCode());
        }
        def.put("http", http);
        operation.getInput().filter(id -> !id.equals(UNIT))
                .ifPresent(id -> def.put("input", Map.of("shape", nameOf(id))));
        operation.getOutput().filter(id -> !id.equals(UNIT)).ifPresent(id -> {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("shape", nameOf(id));
            if (protocol == ConformanceProtocol.AWS_QUERY) {
                output.put("resultWrapper", name + "Result");
            }
            def.put("output", output);
        });
        List<Object> errors = new ArrayList<>();
        for (ShapeId error : operation.getErrors(service)) {
            errors.add(Map.of("shape", nameOf(error)));
        }
        if (!errors.isEmpty()) {
            def.put("errors", errors);
        }
        operation.getTrait(EndpointTrait.class)
                .ifPresent(e -> def.put("endpoint", Map.of("hostPrefix", e.getHostPrefix().toString())));
        operation.getTrait(RequestCompressionTrait.class)
                .ifPresent(c -> def.put("requestcompression", Map.of("encodings", List.copyOf(c.getEncodings()))));
        // botocore has no such key; Kasumi's S3 model patch sets it on GetBucketLocation the same way
        flag(operation.hasTrait(S3UnwrappedXmlOutputTrait.class), "s3UnwrappedXmlOutput", def);
        return def;
    }

    private void define(Shape shape) {
        Map<String, Object> def = new LinkedHashMap<>();
        switch (shape) {
            case UnionShape union -> {
                def.put("type", "structure");
                def.put("union", true);
                if (union.hasTrait(StreamingTrait.class)) {
                    def.put("eventstream", true);
                }
                def.put("members", members(union.getAllMembers().values()));
            }
            case StructureShape structure -> structure(structure, def);
            case CollectionShape list -> {
                def.put("type", "list");
                def.put("member", member(list.getMember(), shape));
            }
            case MapShape map -> {
                def.put("type", "map");
                def.put("key", member(map.getKey(), shape));
                def.put("value", member(map.getValue(), shape));
            }
            default -> simple(shape, def);
        }
        shapeTraits(shape, def);
        shapeDefs.put(nameOf(shape.getId()), def);
    }

    private void structure(StructureShape structure, Map<String, Object> def) {
        def.put("type", "structure");
        List<String> required = structure.getAllMembers().values().stream()
                .filter(m -> m.hasTrait(RequiredTrait.class)).map(MemberShape::getMemberName).toList();
        if (!required.isEmpty()) {
            def.put("required", required);
        }
        def.put("members", members(structure.getAllMembers().values()));
        if (protocol.isRest()) {
            structure.getAllMembers().values().stream().filter(m -> m.hasTrait(HttpPayloadTrait.class)).findFirst()
                    .ifPresent(m -> def.put("payload", m.getMemberName()));
        }
        if (eventShapes.contains(structure.getId())) {
            def.put("event", true);
        }
        structure.getTrait(ErrorTrait.class).ifPresent(error -> {
            boolean client = error.isClientError();
            Map<String, Object> err = new LinkedHashMap<>();
            int status = structure.getTrait(HttpErrorTrait.class).map(HttpErrorTrait::getCode)
                    .orElse(error.getDefaultHttpStatusCode());
            AwsQueryErrorTrait queryError = structure.getTrait(AwsQueryErrorTrait.class).orElse(null);
            if (queryError != null) {
                err.put("code", queryError.getCode());
                status = queryError.getHttpResponseCode();
            }
            err.put("httpStatusCode", status);
            err.put("senderFault", client);
            def.put("error", err);
            def.put("exception", true);
            if (!client) {
                def.put("fault", true);
            }
        });
    }

    private void simple(Shape shape, Map<String, Object> def) {
        switch (shape.getType()) {
            case DOCUMENT -> {
                def.put("type", "structure");
                def.put("members", Map.of());
                def.put("document", true);
            }
            case ENUM -> {
                def.put("type", "string");
                def.put("enum", List.copyOf(((EnumShape) shape).getEnumValues().values()));
            }
            case INT_ENUM -> def.put("type", "integer");
            case BIG_INTEGER -> def.put("type", "bigInteger");
            case BIG_DECIMAL -> def.put("type", "bigDecimal");
            default -> def.put("type", shape.getType().toString());
        }
    }

    /** Traits botocore keeps on the shape itself (the legacy enum trait included). */
    @SuppressWarnings("deprecation")
    private void shapeTraits(Shape shape, Map<String, Object> def) {
        constraints(shape, def);
        shape.getTrait(EnumTrait.class).filter(e -> !(shape instanceof EnumShape))
                .ifPresent(e -> def.put("enum", e.getValues().stream().map(EnumDefinition::getValue).toList()));
        shape.getTrait(TimestampFormatTrait.class).ifPresent(t -> def.put("timestampFormat", timestampFormat(t)));
        if (shape.hasTrait(StreamingTrait.class) && shape.isBlobShape()) {
            def.put("streaming", true);
        }
        flag(shape.hasTrait(RequiresLengthTrait.class), "requiresLength", def);
        flag(shape.hasTrait(SensitiveTrait.class), "sensitive", def);
        flag(shape.hasTrait(SparseTrait.class), "sparse", def);
        shape.getTrait(MediaTypeTrait.class).ifPresent(m -> def.put("mediaType", m.getValue()));
        if (protocol.isXml()) {
            shape.getTrait(XmlNameTrait.class).ifPresent(n -> def.put("locationName", n.getValue()));
            shape.getTrait(XmlNamespaceTrait.class).ifPresent(ns -> def.put("xmlNamespace", namespace(ns)));
        }
    }

    /** Length, range, pattern and uniqueness: on shapes, and on members via a derived shape. */
    private static boolean constraints(Shape shape, Map<String, Object> def) {
        boolean any = false;
        LengthTrait length = shape.getTrait(LengthTrait.class).orElse(null);
        if (length != null) {
            length.getMin().ifPresent(min -> def.put("min", min));
            length.getMax().ifPresent(max -> def.put("max", max));
            any = true;
        }
        RangeTrait range = shape.getTrait(RangeTrait.class).orElse(null);
        if (range != null) {
            range.getMin().ifPresent(min -> def.put("min", min));
            range.getMax().ifPresent(max -> def.put("max", max));
            any = true;
        }
        PatternTrait pattern = shape.getTrait(PatternTrait.class).orElse(null);
        if (pattern != null) {
            def.put("pattern", pattern.getValue());
            any = true;
        }
        if (shape.hasTrait(UniqueItemsTrait.class)) {
            def.put("uniqueItems", true);
            any = true;
        }
        return any;
    }

    private Map<String, Object> members(Iterable<MemberShape> members) {
        Map<String, Object> defs = new LinkedHashMap<>();
        for (MemberShape member : members) {
            defs.put(member.getMemberName(), member(member, model.expectShape(member.getContainer())));
        }
        return defs;
    }

    private Map<String, Object> member(MemberShape member, Shape container) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("shape", memberTarget(member, container));
        boolean bound = protocol.isRest() && httpBinding(member, def);
        if (!bound) {
            if (protocol == ConformanceProtocol.REST_JSON_1) {
                member.getTrait(JsonNameTrait.class).ifPresent(n -> def.put("locationName", n.getValue()));
            }
            if (protocol.isXml()) {
                member.getTrait(XmlNameTrait.class).ifPresent(n -> def.put("locationName", n.getValue()));
            }
        }
        if (protocol.isXml()) {
            flag(member.hasTrait(XmlAttributeTrait.class), "xmlAttribute", def);
            flag(member.hasTrait(XmlFlattenedTrait.class), "flattened", def);
            member.getTrait(XmlNamespaceTrait.class).ifPresent(ns -> def.put("xmlNamespace", namespace(ns)));
        }
        if (protocol == ConformanceProtocol.EC2_QUERY) {
            member.getTrait(Ec2QueryNameTrait.class).ifPresent(n -> def.put("queryName", n.getValue()));
        }
        member.getTrait(TimestampFormatTrait.class).ifPresent(t -> def.put("timestampFormat", timestampFormat(t)));
        flag(member.hasTrait(IdempotencyTokenTrait.class), "idempotencyToken", def);
        flag(member.hasTrait(HostLabelTrait.class), "hostLabel", def);
        flag(member.hasTrait(EventPayloadTrait.class), "eventpayload", def);
        flag(member.hasTrait(EventHeaderTrait.class), "eventheader", def);
        member.getTrait(DefaultTrait.class).ifPresent(d -> def.put("default", plain(d.toNode())));
        return def;
    }

    /** The member's target, or a derived copy of it when the member adds its own constraints. */
    private String memberTarget(MemberShape member, Shape container) {
        String target = nameOf(member.getTarget());
        Map<String, Object> memberConstraints = new LinkedHashMap<>();
        if (!constraints(member, memberConstraints)) {
            return target;
        }
        String derived = nameOf(container.getId()) + "$" + member.getMemberName();
        derivedShapes.add(new DerivedShape(derived, target, memberConstraints));
        return derived;
    }

    @SuppressWarnings("unchecked")
    private void defineDerivedShapes() {
        for (DerivedShape derived : derivedShapes) {
            Map<String, Object> def = new LinkedHashMap<>((Map<String, Object>) shapeDefs.get(derived.target()));
            def.putAll(derived.constraints());
            shapeDefs.put(derived.name(), def);
        }
    }

    /**
     * REST protocols: where the member sits in the HTTP message; true when it is not in the body.
     * Query, label and query-map bindings apply to inputs only and the status code to outputs only;
     * elsewhere Smithy ignores them and the member goes in the body.
     */
    private boolean httpBinding(MemberShape member, Map<String, Object> def) {
        boolean input = inputShapes.contains(member.getContainer());
        if (member.getTrait(HttpHeaderTrait.class).orElse(null) instanceof HttpHeaderTrait header) {
            def.put("location", "header");
            def.put("locationName", header.getValue());
            Shape target = model.expectShape(member.getTarget());
            if (target.getTrait(MediaTypeTrait.class).map(m -> m.getValue().equals("application/json")).orElse(false)) {
                def.put("jsonvalue", true);
            }
            return true;
        }
        if (input && member.getTrait(HttpQueryTrait.class).orElse(null) instanceof HttpQueryTrait query) {
            def.put("location", "querystring");
            def.put("locationName", query.getValue());
            return true;
        }
        if (input && member.hasTrait(HttpQueryParamsTrait.class)) {
            def.put("location", "querystring");
            return true;
        }
        if (member.getTrait(HttpPrefixHeadersTrait.class).orElse(null) instanceof HttpPrefixHeadersTrait prefix) {
            def.put("location", "headers");
            def.put("locationName", prefix.getValue());
            return true;
        }
        if (input && member.hasTrait(HttpLabelTrait.class)) {
            def.put("location", "uri");
            def.put("locationName", member.getMemberName());
            return true;
        }
        if (!input && member.hasTrait(HttpResponseCodeTrait.class)) {
            def.put("location", "statusCode");
            return true;
        }
        return false;
    }

    private static Map<String, Object> namespace(XmlNamespaceTrait ns) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("uri", ns.getUri());
        ns.getPrefix().ifPresent(prefix -> def.put("prefix", prefix));
        return def;
    }

    private static String timestampFormat(TimestampFormatTrait trait) {
        return switch (trait.getValue()) {
            case "date-time" -> "iso8601";
            case "http-date" -> "rfc822";
            case "epoch-seconds" -> "unixTimestamp";
            default -> throw new IllegalArgumentException("unknown timestamp format " + trait.getValue());
        };
    }

    private static void flag(boolean present, String key, Map<String, Object> def) {
        if (present) {
            def.put(key, true);
        }
    }

    /** A Node as the plain values a parsed JSON model holds. */
    static Object plain(Node node) {
        return switch (node.getType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.expectObjectNode().getStringMap().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> node.expectArrayNode().getElements().stream().map(SmithyModelAdapter::plain).toList();
            case STRING -> node.expectStringNode().getValue();
            case NUMBER -> node.expectNumberNode().getValue();
            case BOOLEAN -> node.expectBooleanNode().getValue();
            case NULL -> null;
        };
    }
}
