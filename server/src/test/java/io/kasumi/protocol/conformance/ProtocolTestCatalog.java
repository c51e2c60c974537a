package io.kasumi.protocol.conformance;

import io.kasumi.model.ServiceModel;
import io.kasumi.protocol.conformance.ConformanceCase.Kind;
import io.kasumi.protocol.conformance.ConformanceCase.MalformedCase;
import io.kasumi.protocol.conformance.ConformanceCase.RequestCase;
import io.kasumi.protocol.conformance.ConformanceCase.ResponseCase;
import software.amazon.smithy.model.Model;
import software.amazon.smithy.model.knowledge.TopDownIndex;
import software.amazon.smithy.model.shapes.OperationShape;
import software.amazon.smithy.model.shapes.ServiceShape;
import software.amazon.smithy.model.shapes.Shape;
import software.amazon.smithy.model.shapes.ShapeId;
import software.amazon.smithy.protocoltests.traits.AppliesTo;
import software.amazon.smithy.protocoltests.traits.HttpMalformedRequestTestCase;
import software.amazon.smithy.protocoltests.traits.HttpMalformedRequestTestsTrait;
import software.amazon.smithy.protocoltests.traits.HttpRequestTestCase;
import software.amazon.smithy.protocoltests.traits.HttpRequestTestsTrait;
import software.amazon.smithy.protocoltests.traits.HttpResponseTestCase;
import software.amazon.smithy.protocoltests.traits.HttpResponseTestsTrait;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every server-side case of the Smithy protocol test suites on the test class path
 * (smithy-aws-protocol-tests: awsJson1_0/1_1, restJson1, restXml, awsQuery, ec2Query;
 * smithy-protocol-tests: rpcv2Cbor), grouped by protocol. Loading the Smithy model takes seconds,
 * so one catalog is built per JVM and shared by every conformance test class.
 */
public final class ProtocolTestCatalog {
    private static final String VALIDATION_NAMESPACE = "aws.protocoltests.restjson.validation";

    private final Model smithyModel;
    private final Map<ConformanceProtocol, List<ConformanceCase>> cases;

    private ProtocolTestCatalog(Model smithyModel, Map<ConformanceProtocol, List<ConformanceCase>> cases) {
        this.smithyModel = smithyModel;
        this.cases = cases;
    }

    /** The catalog of this JVM, built on first use. */
    public static ProtocolTestCatalog shared() {
        return Holder.CATALOG;
    }

    private static final class Holder {
        static final ProtocolTestCatalog CATALOG = load(ProtocolTestCatalog.class.getClassLoader());
    }

    static ProtocolTestCatalog load(ClassLoader loader) {
        Model model = Model.assembler(loader).discoverModels(loader).disableValidation().assemble().unwrap();
        Map<ConformanceProtocol, List<ConformanceCase>> byProtocol = new EnumMap<>(ConformanceProtocol.class);
        for (ConformanceProtocol protocol : ConformanceProtocol.values()) {
            byProtocol.put(protocol, new ArrayList<>());
        }
        Set<String> seen = new HashSet<>();
        List<ServiceShape> services = model.getServiceShapes().stream().sorted(Comparator.comparing(Shape::getId)).toList();
        for (ServiceShape service : services) {
            for (ConformanceProtocol protocol : ConformanceProtocol.values()) {
                if (service.findTrait(protocol.traitId()).isPresent()) {
                    for (ConformanceCase c : casesOf(model, service, protocol)) {
                        if (seen.add(protocol + "/" + c.kind() + "/" + c.id())) {
                            byProtocol.get(protocol).add(c);
                        }
                    }
                }
            }
        }
        byProtocol.replaceAll((p, list) -> List.copyOf(list));
        return new ProtocolTestCatalog(model, byProtocol);
    }

    private static List<ConformanceCase> casesOf(Model model, ServiceShape service, ConformanceProtocol protocol) {
        ServiceModel serviceModel = SmithyModelAdapter.toServiceModel(model, service, protocol);
        Function<ShapeId, String> name = id -> SmithyModelAdapter.shapeName(service, id);
        List<ConformanceCase> found = new ArrayList<>();
        Map<ShapeId, String> errorOwners = new LinkedHashMap<>();
        List<OperationShape> operations = TopDownIndex.of(model).getContainedOperations(service).stream()
                .sorted(Comparator.comparing(Shape::getId)).toList();
        for (OperationShape operation : operations) {
            String op = name.apply(operation.getId());
            operation.getTrait(HttpRequestTestsTrait.class).ifPresent(t -> t.getTestCasesFor(AppliesTo.SERVER).stream()
                    .filter(test -> test.getProtocol().equals(protocol.traitId()))
                    .filter(ProtocolTestCatalog::serverCanReceive)
                    .forEach(test -> found.add(new RequestCase(protocol, serviceModel, op, test))));
            operation.getTrait(HttpResponseTestsTrait.class).ifPresent(t -> serverCases(t, protocol)
                    .forEach(test -> found.add(new ResponseCase(protocol, serviceModel, op, null, test))));
            operation.getTrait(HttpMalformedRequestTestsTrait.class)
                    .ifPresent(t -> found.addAll(malformedCases(t, protocol, serviceModel, op, service)));
            operation.getErrors(service).forEach(error -> errorOwners.putIfAbsent(error, op));
        }
        errorOwners.forEach((error, op) -> model.expectShape(error).getTrait(HttpResponseTestsTrait.class)
                .ifPresent(t -> serverCases(t, protocol)
                        .forEach(test -> found.add(new ResponseCase(protocol, serviceModel, op, name.apply(error), test)))));
        return found;
    }

    /**
     * False for the request-compression cases: they check that a client gzips its body, and give
     * no body, so there is nothing a server could receive and parse into their params.
     */
    static boolean serverCanReceive(HttpRequestTestCase test) {
        boolean compressed = test.getHeaders().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Encoding"));
        return !(compressed && test.getBody().isEmpty());
    }

    private static List<HttpResponseTestCase> serverCases(HttpResponseTestsTrait trait, ConformanceProtocol protocol) {
        return trait.getTestCasesFor(AppliesTo.SERVER).stream()
                .filter(test -> test.getProtocol().equals(protocol.traitId()))
                .toList();
    }

    private static List<MalformedCase> malformedCases(HttpMalformedRequestTestsTrait trait, ConformanceProtocol protocol,
                                                      ServiceModel model, String op, ServiceShape service) {
        List<HttpMalformedRequestTestCase> tests = trait.getTestCases().stream()
                .filter(test -> test.getProtocol().equals(protocol.traitId()))
                .toList();
        Map<String, Long> counts = tests.stream().collect(Collectors.groupingBy(HttpMalformedRequestTestCase::getId, Collectors.counting()));
        Map<String, Integer> next = new LinkedHashMap<>();
        Kind kind = service.getId().getNamespace().equals(VALIDATION_NAMESPACE) ? Kind.VALIDATION : Kind.MALFORMED;
        List<MalformedCase> found = new ArrayList<>();
        for (HttpMalformedRequestTestCase test : tests) {
            String id = test.getId();
            if (counts.get(id) > 1) {
                id = id + "#" + next.merge(id, 1, Integer::sum);
            }
            found.add(new MalformedCase(protocol, model, op, id, kind, test));
        }
        return found;
    }

    /** The Smithy model of every test suite (and the traits they use). */
    public Model smithyModel() {
        return smithyModel;
    }

    /** The cases of one protocol, in model order. */
    public List<ConformanceCase> cases(ConformanceProtocol protocol) {
        return cases.get(protocol);
    }

    public List<ConformanceCase> cases(ConformanceProtocol protocol, Kind kind) {
        return cases.get(protocol).stream().filter(c -> c.kind() == kind).toList();
    }
}
