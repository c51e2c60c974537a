package io.kasumi.codegen;

import io.kasumi.model.Shape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the enum of an enum string shape. Records keep such members as String, so unknown
 * values reach validation; the enum is what services compare against.
 */
final class EnumWriter {
    private final ServiceTypes types;

    EnumWriter(ServiceTypes types) {
        this.types = types;
    }

    JavaFile write(Shape shape) {
        String name = types.enums().get(shape.name());
        List<String> values = List.copyOf(new LinkedHashSet<>(shape.traits().enumValues()));
        List<String> constants = constantNames(values);

        StringBuilder out = JavaFile.start(types, false)
                .append("/** The values of the {@code ").append(shape.name()).append("} enum of ")
                .append(types.model().serviceId()).append(". */\n")
                .append("public enum ").append(name).append(" {\n");
        for (int i = 0; i < values.size(); i++) {
            out.append("    ").append(constants.get(i)).append('(').append(Names.quote(values.get(i))).append(')')
                    .append(i == values.size() - 1 ? ";\n\n" : ",\n");
        }
        out.append("""
                    private final String value;

                    %1$s(String value) {
                        this.value = value;
                    }

                    /** The wire value. */
                    public String value() {
                        return value;
                    }

                    /** The constant of a wire value, or null when the value is not one of the model's. */
                    public static %1$s fromValue(String value) {
                        if (value == null) {
                            return null;
                        }
                        return switch (value) {
                """.formatted(name));
        for (int i = 0; i < values.size(); i++) {
            out.append("            case ").append(Names.quote(values.get(i))).append(" -> ")
                    .append(constants.get(i)).append(";\n");
        }
        out.append("""
                            default -> null;
                        };
                    }

                    @Override
                    public String toString() {
                        return value;
                    }
                }
                """);
        return new JavaFile(types.packageName(), name, out.toString());
    }

    /** UPPER_SNAKE constants, made unique where two values read alike ("a-b", "a_b"). */
    static List<String> constantNames(List<String> values) {
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>(values.size());
        for (String value : values) {
            String base = Names.enumConstant(value);
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "_" + n;
            }
            names.add(name);
        }
        return names;
    }
}
