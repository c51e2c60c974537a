package io.kasumi.codegen;

import io.kasumi.model.Member;
import io.kasumi.model.ShapeType;
import io.kasumi.model.StructureShape;

import java.util.List;
import java.util.Set;

/**
 * Writes the record of a structure or union: one component per member, in model order, with
 * {@code fromTree} and {@code toTree} converting from and to value trees keyed by member name.
 */
final class RecordWriter {
    private static final String INDENT = "    ";

    private final ServiceTypes types;
    private final TypeMapping mapping;

    RecordWriter(ServiceTypes types, TypeMapping mapping) {
        this.types = types;
        this.mapping = mapping;
    }

    JavaFile write(StructureShape shape) {
        String name = types.structureName(shape);
        List<Member> members = List.copyOf(shape.members().values());
        List<String> fields = componentNames(members);

        StringBuilder body = new StringBuilder(256 + members.size() * 200);
        body.append("/** The {@code ").append(shape.name()).append("} ")
                .append(shape.type() == ShapeType.UNION ? "union" : "structure")
                .append(" of ").append(types.model().serviceId()).append(". */\n")
                .append("public record ").append(name).append("(");
        for (int i = 0; i < members.size(); i++) {
            body.append(i == 0 ? "\n" : ",\n").append(INDENT).append(INDENT)
                    .append(mapping.javaType(members.get(i))).append(' ').append(fields.get(i));
        }
        body.append(") {\n\n");

        body.append(INDENT).append("/** Reads a value tree keyed by member name; absent members are null. */\n")
                .append(INDENT).append("public static ").append(name)
                .append(" fromTree(java.util.Map<String, Object> tree) {\n")
                .append(INDENT).append(INDENT).append("return new ").append(name).append("(");
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            body.append(i == 0 ? "\n" : ",\n").append(INDENT).append(INDENT).append(INDENT).append(INDENT)
                    .append(mapping.read(member, "tree.get(" + Names.quote(member.name()) + ")"));
        }
        body.append(");\n").append(INDENT).append("}\n\n");

        body.append(INDENT).append("/** The value tree of this ").append(name)
                .append(", keyed by member name; null members are left out. */\n")
                .append(INDENT).append("public java.util.Map<String, Object> toTree() {\n")
                .append(INDENT).append(INDENT)
                .append("java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>();\n");
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            String field = "this." + fields.get(i);
            body.append(INDENT).append(INDENT).append("if (").append(field).append(" != null) {\n")
                    .append(INDENT).append(INDENT).append(INDENT).append("tree.put(").append(Names.quote(member.name()))
                    .append(", ").append(mapping.write(member, field)).append(");\n")
                    .append(INDENT).append(INDENT).append("}\n");
        }
        body.append(INDENT).append(INDENT).append("return tree;\n").append(INDENT).append("}\n}\n");

        String text = body.toString();
        String source = JavaFile.start(types, text.contains(ServiceTypes.HELPER + ".")).append(text).toString();
        return new JavaFile(types.packageName(), name, source);
    }

    /** lowerCamel component names, made unique where two members camel-case alike. */
    static List<String> componentNames(List<Member> members) {
        return Names.uniqueMemberNames(members.stream().map(Member::name).toList(), Set.of());
    }
}
