package io.kasumi.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.kasumi.api.AwsException;
import io.kasumi.model.Member;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.StructureShape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The JSON body of an error: the error shape's members from {@link AwsException#fields()}, and the
 * message under the shape's own message member ("Message" or "message") or, without one, "message".
 */
final class JsonErrorBody {
    private JsonErrorBody() {
    }

    /** The model's error shape named by the error's code, or null (e.g. SerializationException). */
    static StructureShape errorShape(ServiceModel model, AwsException error) {
        if (model != null && error.code() != null && model.shape(error.code()) instanceof StructureShape shape
                && shape.traits().error() != null) {
            return shape;
        }
        return null;
    }

    /**
     * @param type the "__type" value, or null to leave it out (rest-json carries the code in a header)
     * @param include which members of the shape belong in the body
     */
    static byte[] write(String type, StructureShape shape, AwsException error, Predicate<Member> include) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = JsonFormat.FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            if (type != null) {
                generator.writeStringField("__type", type);
            }
            Member messageMember = shape == null ? null : messageMember(shape);
            if (shape != null) {
                Map<String, Object> values = new LinkedHashMap<>(error.fields());
                if (messageMember != null && error.getMessage() != null) {
                    values.putIfAbsent(messageMember.name(), error.getMessage());
                }
                JsonBodyWriter.writeMembers(generator, shape, values, include);
            }
            if (messageMember == null && error.getMessage() != null) {
                generator.writeStringField("message", error.getMessage());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Member messageMember(StructureShape shape) {
        for (Member member : shape.members().values()) {
            if (member.name().equalsIgnoreCase("message")) {
                return member;
            }
        }
        return null;
    }
}
