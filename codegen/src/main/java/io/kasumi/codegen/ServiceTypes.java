package io.kasumi.codegen;

import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.Shape;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which Java type every generated shape of one service becomes, under which simple name.
 *
 * <p>Records exist for the structures and unions reachable from operation inputs and outputs;
 * enums for every enum string shape; error classes for every exception shape. Simple names are
 * unique in the package even ignoring case (case-insensitive file systems): a name that is taken
 * or shadows a java.lang type gets the service prefix (S3 {@code Object} -> {@code S3Object}),
 * then a number.
 */
public final class ServiceTypes {
    /** The runtime helper generated code imports; no generated type may take its name. */
    static final String HELPER = "ValueTrees";

    private final String serviceName;
    private final ServiceModel model;
    private final String packageName;
    private final String prefix;
    private final String apiName;
    private final Map<String, String> records;
    private final Map<String, String> enums;
    private final Map<String, String> errors;

    private ServiceTypes(String serviceName, ServiceModel model) {
        this.serviceName = serviceName;
        this.model = model;
        this.packageName = Names.packageName(serviceName);
        this.prefix = Names.servicePrefix(serviceName, model.serviceId());
        this.apiName = prefix + "Api";

        Set<String> taken = new HashSet<>();
        taken.add(apiName.toLowerCase(Locale.ROOT));
        taken.add(HELPER.toLowerCase(Locale.ROOT));

        Map<String, String> dataTypes = new TreeMap<>();
        for (Shape shape : reachableStructures(model)) {
            dataTypes.put(shape.name(), Names.typeName(shape.name()));
        }
        for (Shape shape : model.shapes().values()) {
            if (shape instanceof SimpleShape && shape.isEnum()) {
                dataTypes.put(shape.name(), Names.typeName(shape.name()));
            }
        }
        Map<String, String> named = allocate(dataTypes, taken);

        Map<String, String> errorTypes = new TreeMap<>();
        for (Shape shape : model.shapes().values()) {
            if (isError(shape)) {
                errorTypes.put(shape.name(), Names.exceptionName(shape.name()));
            }
        }
        this.errors = Collections.unmodifiableMap(allocate(errorTypes, taken));

        Map<String, String> recordNames = new TreeMap<>();
        Map<String, String> enumNames = new TreeMap<>();
        named.forEach((shapeName, simpleName) ->
                (model.shape(shapeName) instanceof StructureShape ? recordNames : enumNames).put(shapeName, simpleName));
        this.records = Collections.unmodifiableMap(recordNames);
        this.enums = Collections.unmodifiableMap(enumNames);
    }

    public static ServiceTypes of(String serviceName, ServiceModel model) {
        return new ServiceTypes(serviceName, model);
    }

    /** An exception shape: it becomes an error class, never a record. */
    static boolean isError(Shape shape) {
        return shape instanceof StructureShape && shape.traits().exception();
    }

    /**
     * Gives each shape its preferred name where free and not shadowing java.lang, names equal to
     * their shape name first (CloudWatch's {@code ResourceNotFoundException} keeps its name over
     * {@code ResourceNotFound} + "Exception"); the rest, in shape-name order, get the service
     * prefix and then a counter.
     */
    private Map<String, String> allocate(Map<String, String> preferred, Set<String> taken) {
        Map<String, String> result = new TreeMap<>();
        List<String> deferred = new ArrayList<>();
        List<String> order = new ArrayList<>(preferred.keySet());
        order.sort(Comparator.comparing((String shapeName) -> !preferred.get(shapeName).equals(shapeName))
                .thenComparing(Comparator.naturalOrder()));
        for (String shapeName : order) {
            String name = preferred.get(shapeName);
            if (!Names.clashesWithJavaLang(name) && taken.add(name.toLowerCase(Locale.ROOT))) {
                result.put(shapeName, name);
            } else {
                deferred.add(shapeName);
            }
        }
        deferred.sort(Comparator.naturalOrder());
        for (String shapeName : deferred) {
            String base = prefix + preferred.get(shapeName);
            String name = base;
            for (int n = 2; Names.clashesWithJavaLang(name) || !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + n;
            }
            result.put(shapeName, name);
        }
        return result;
    }

    /** Structures and unions an operation input or output leads to, exception shapes excluded. */
    private static List<StructureShape> reachableStructures(ServiceModel model) {
        Set<String> seen = new HashSet<>();
        Deque<Shape> pending = new ArrayDeque<>();
        for (Operation operation : model.operations().values()) {
            if (operation.input() != null) {
                pending.add(operation.input());
            }
            if (operation.output() != null) {
                pending.add(operation.output());
            }
        }
        List<StructureShape> found = new ArrayList<>();
        while (!pending.isEmpty()) {
            Shape shape = pending.poll();
            if (!seen.add(shape.name())) {
                continue;
            }
            switch (shape) {
                case StructureShape structure -> {
                    if (!isError(structure)) {
                        found.add(structure);
                    }
                    for (Member member : structure.members().values()) {
                        pending.add(member.target());
                    }
                }
                case ListShape list -> pending.add(list.member().target());
                case MapShape map -> pending.add(map.value().target());
                case SimpleShape simple -> {
                    // scalars need no type of their own
                }
            }
        }
        return found;
    }

    public String serviceName() {
        return serviceName;
    }

    public ServiceModel model() {
        return model;
    }

    public String packageName() {
        return packageName;
    }

    public String prefix() {
        return prefix;
    }

    /** The service interface's simple name, e.g. "SqsApi". */
    public String apiName() {
        return apiName;
    }

    /** Shape name -> record simple name, in shape-name order. */
    public Map<String, String> records() {
        return records;
    }

    /** Shape name -> enum simple name, in shape-name order. */
    public Map<String, String> enums() {
        return enums;
    }

    /** Shape name -> error class simple name, in shape-name order. */
    public Map<String, String> errors() {
        return errors;
    }

    /** The record or error class a structure shape is generated as. */
    public String structureName(StructureShape shape) {
        String name = isError(shape) ? errors.get(shape.name()) : records.get(shape.name());
        if (name == null) {
            throw new IllegalStateException("no generated type for shape " + shape.name() + " of " + serviceName);
        }
        return name;
    }
}
