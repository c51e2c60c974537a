package io.kasumi.codegen;

import io.kasumi.model.ServiceModel;
import io.kasumi.model.StructureShape;

import java.util.ArrayList;
import java.util.List;

/** All Java sources of one service model: records, enums, error classes and the interface. */
public final class ServiceGenerator {

    private ServiceGenerator() {
    }

    /** The sources in a fixed order (interface, records, enums, errors; each by shape name). */
    public static List<JavaFile> generate(String serviceName, ServiceModel model) {
        ServiceTypes types = ServiceTypes.of(serviceName, model);
        TypeMapping mapping = new TypeMapping(types);
        RecordWriter records = new RecordWriter(types, mapping);
        EnumWriter enums = new EnumWriter(types);
        ErrorWriter errors = new ErrorWriter(types);

        List<JavaFile> files = new ArrayList<>();
        files.add(new ApiWriter(types).write());
        types.records().keySet().forEach(shape -> files.add(records.write((StructureShape) model.shape(shape))));
        types.enums().keySet().forEach(shape -> files.add(enums.write(model.shape(shape))));
        types.errors().keySet().forEach(shape -> files.add(errors.write((StructureShape) model.shape(shape))));
        return files;
    }
}
