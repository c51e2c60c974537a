package io.kasumi.codegen;

import io.kasumi.model.ErrorTrait;
import io.kasumi.model.Member;
import io.kasumi.model.StructureShape;

/**
 * Writes the error class of an exception shape: an {@code AwsException} whose code is the shape
 * name and whose status and fault come from the shape's error trait (400 and sender when the
 * model says nothing, 500 and receiver for a "fault"). Members other than the message travel as
 * {@code fields}; {@code fromTree}/{@code toTree} let the class stand as a value too (event
 * stream errors are union members).
 */
final class ErrorWriter {
    private final ServiceTypes types;

    ErrorWriter(ServiceTypes types) {
        this.types = types;
    }

    JavaFile write(StructureShape shape) {
        String name = types.structureName(shape);
        ErrorTrait error = shape.traits().error();
        boolean fault = shape.traits().fault();
        int status = error != null ? error.httpStatus() : fault ? 500 : 400;
        boolean sender = error != null ? error.senderFault() : !fault;
        String messageMember = messageMember(shape);

        StringBuilder out = JavaFile.start(types, false)
                .append("/** The {@code ").append(shape.name()).append("} error of ")
                .append(types.model().serviceId()).append(". */\n")
                .append("public final class ").append(name).append(" extends io.kasumi.api.AwsException {\n")
                .append("""
                            /** The error code: the model's shape name. */
                            public static final String CODE = %2$s;

                            public %1$s(String message) {
                                this(message, java.util.Map.of());
                            }

                            /** With the error shape's other members, by member name. */
                            public %1$s(String message, java.util.Map<String, Object> fields) {
                                super(CODE, message, %3$d, %4$s, fields);
                            }

                        """.formatted(name, Names.quote(shape.name()), status, sender));
        if (messageMember == null) {
            out.append("""
                        /** Reads the error from its value tree; every member is a field. */
                        public static %1$s fromTree(java.util.Map<String, Object> tree) {
                            return new %1$s(null, tree);
                        }

                        /** The value tree of the error: its fields. */
                        public java.util.Map<String, Object> toTree() {
                            return new java.util.LinkedHashMap<>(fields());
                        }
                    }
                    """.formatted(name));
        } else {
            out.append("""
                        /** Reads the error from its value tree; members besides %2$s become fields. */
                        public static %1$s fromTree(java.util.Map<String, Object> tree) {
                            java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>(tree);
                            Object message = fields.remove(%3$s);
                            return new %1$s(message == null ? null : message.toString(), fields);
                        }

                        /** The value tree of the error: its fields and message. */
                        public java.util.Map<String, Object> toTree() {
                            java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>(fields());
                            if (getMessage() != null) {
                                tree.put(%3$s, getMessage());
                            }
                            return tree;
                        }
                    }
                    """.formatted(name, messageMember, Names.quote(messageMember)));
        }
        return new JavaFile(types.packageName(), name, out.toString());
    }

    /** The member carrying the message ("message" or "Message" in the models), or null. */
    private static String messageMember(StructureShape shape) {
        for (Member member : shape.members().values()) {
            if (member.name().equalsIgnoreCase("message")) {
                return member.name();
            }
        }
        return null;
    }
}
