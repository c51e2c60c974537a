package io.kasumi.codegen;

import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.Shape;
import io.kasumi.model.ShapeType;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;

import java.util.function.UnaryOperator;

/**
 * The Java type of a shape and the source expressions that read it from a value tree and write
 * it back. java.util, java.time and java.math types are always fully qualified, so shapes named
 * {@code List}, {@code Map} or {@code Instant} cannot shadow them.
 */
final class TypeMapping {
    private static final String HELPER = ServiceTypes.HELPER + ".";
    private static final String STREAMING_BODY = "io.kasumi.api.StreamingBody";

    private final ServiceTypes types;

    TypeMapping(ServiceTypes types) {
        this.types = types;
    }

    /** The Java type of a record component. */
    String javaType(Member member) {
        return streams(member) ? STREAMING_BODY : javaType(member.target());
    }

    /** An expression reading a member's tree value ({@code value}, an Object) as its Java type. */
    String read(Member member, String value) {
        return streams(member) ? HELPER + "streaming(" + value + ")" : read(member.target(), value, 0);
    }

    /** An expression writing a member's non-null {@code value} as a tree value. */
    String write(Member member, String value) {
        return streams(member) ? value : write(member.target(), value);
    }

    /** Streaming blob members become StreamingBody; the trait may sit on the member (S3) or its target. */
    private static boolean streams(Member member) {
        return member.target().type() == ShapeType.BLOB && member.isStreaming();
    }

    /** The Java type of a value of this shape. */
    private String javaType(Shape shape) {
        return switch (shape) {
            case SimpleShape simple -> scalarType(simple);
            case StructureShape structure -> structure.traits().eventStream()
                    ? "java.util.stream.Stream<" + types.structureName(structure) + ">"
                    : types.structureName(structure);
            case ListShape list -> "java.util.List<" + javaType(list.member().target()) + ">";
            case MapShape map -> "java.util.Map<String, " + javaType(map.value().target()) + ">";
        };
    }

    private static String scalarType(SimpleShape shape) {
        return switch (shape.type()) {
            case STRING -> "String";
            case BLOB -> shape.traits().streaming() ? STREAMING_BODY : "byte[]";
            case BOOLEAN -> "Boolean";
            case BYTE -> "Byte";
            case SHORT -> "Short";
            case INTEGER -> "Integer";
            case LONG -> "Long";
            case FLOAT -> "Float";
            case DOUBLE -> "Double";
            case BIG_INTEGER -> "java.math.BigInteger";
            case BIG_DECIMAL -> "java.math.BigDecimal";
            case TIMESTAMP -> "java.time.Instant";
            case DOCUMENT -> "Object";
            case STRUCTURE, UNION, LIST, MAP -> throw new IllegalArgumentException("not a scalar: " + shape.name());
        };
    }

    /** The ValueTrees reader of a scalar. */
    private static String scalarReader(SimpleShape shape) {
        return switch (shape.type()) {
            case STRING -> "string";
            case BLOB -> shape.traits().streaming() ? "streaming" : "blob";
            case BOOLEAN -> "bool";
            case BYTE -> "int8";
            case SHORT -> "int16";
            case INTEGER -> "int32";
            case LONG -> "int64";
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case BIG_INTEGER -> "bigInteger";
            case BIG_DECIMAL -> "bigDecimal";
            case TIMESTAMP -> "timestamp";
            case DOCUMENT -> "document";
            case STRUCTURE, UNION, LIST, MAP -> throw new IllegalArgumentException("not a scalar: " + shape.name());
        };
    }

    /** An expression reading {@code value} (an Object of the tree) as the shape's Java type. */
    private String read(Shape shape, String value, int depth) {
        return switch (shape) {
            case SimpleShape simple -> HELPER + scalarReader(simple) + "(" + value + ")";
            case StructureShape structure -> HELPER + (structure.traits().eventStream() ? "eventStream(" : "structure(")
                    + value + ", " + types.structureName(structure) + "::fromTree)";
            case ListShape list -> HELPER + "list(" + value + ", " + readFunction(list.member().target(), depth) + ")";
            case MapShape map -> HELPER + "map(" + value + ", " + readFunction(map.value().target(), depth) + ")";
        };
    }

    private String readFunction(Shape element, int depth) {
        if (element instanceof SimpleShape simple) {
            return ServiceTypes.HELPER + "::" + scalarReader(simple);
        }
        String parameter = "e" + depth;
        return parameter + " -> " + read(element, parameter, depth + 1);
    }

    /** An expression writing a non-null {@code value} of the shape's Java type as a tree value. */
    private String write(Shape shape, String value) {
        return switch (shape) {
            case SimpleShape simple -> value;
            case StructureShape structure -> structure.traits().eventStream()
                    ? HELPER + "eventStreamTree(" + value + ", " + types.structureName(structure) + "::toTree)"
                    : value + ".toTree()";
            case ListShape list -> container("listTree", value, writeFunction(list.member().target(), 0));
            case MapShape map -> container("mapTree", value, writeFunction(map.value().target(), 0));
        };
    }

    private static String container(String method, String value, String element) {
        return element == null ? value : HELPER + method + "(" + value + ", " + element + ")";
    }

    /** A function converting elements to tree values, or null when they are tree values already. */
    private String writeFunction(Shape element, int depth) {
        return switch (element) {
            case SimpleShape simple -> null;
            case StructureShape structure -> structure.traits().eventStream()
                    ? lambda(depth, p -> HELPER + "eventStreamTree(" + p + ", " + types.structureName(structure) + "::toTree)")
                    : types.structureName(structure) + "::toTree";
            case ListShape list -> nested("listTree", writeFunction(list.member().target(), depth + 1), depth);
            case MapShape map -> nested("mapTree", writeFunction(map.value().target(), depth + 1), depth);
        };
    }

    private static String nested(String method, String inner, int depth) {
        return inner == null ? null : lambda(depth, p -> HELPER + method + "(" + p + ", " + inner + ")");
    }

    private static String lambda(int depth, UnaryOperator<String> body) {
        String parameter = "e" + depth;
        return parameter + " -> " + body.apply(parameter);
    }
}
