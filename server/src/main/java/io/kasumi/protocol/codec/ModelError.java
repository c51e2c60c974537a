package io.kasumi.protocol.codec;

import io.kasumi.api.AwsException;
import io.kasumi.model.ErrorTrait;
import io.kasumi.model.Member;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.Shape;
import io.kasumi.model.StructureShape;

/**
 * An {@link AwsException} matched to the error shape of the model that describes it.
 *
 * @param name the error shape name (or the exception's code when the model has no such shape)
 * @param shape the error shape, or null when the model declares none for the code
 * @param httpStatus the model's status for the shape, else the exception's
 * @param senderFault the model's fault for the shape, else the exception's
 * @param queryCode the legacy awsQuery code (awsQueryError trait), else the name
 */
public record ModelError(String name, StructureShape shape, int httpStatus, boolean senderFault, String queryCode) {

    /**
     * Finds the error shape by shape name, else by its awsQuery code (the operation's declared
     * errors first, since two shapes can share a legacy code).
     */
    public static ModelError resolve(ServiceModel model, Operation operation, AwsException error) {
        String code = bareCode(error.code());
        StructureShape shape = byName(model, code);
        if (shape == null && operation != null) {
            shape = operation.errors().stream().filter(s -> hasQueryCode(s, code)).findFirst().orElse(null);
        }
        if (shape == null) {
            for (Shape candidate : model.shapes().values()) {
                if (candidate instanceof StructureShape s && hasQueryCode(s, code)) {
                    shape = s;
                    break;
                }
            }
        }
        if (shape == null) {
            return new ModelError(code, null, error.httpStatus(), error.senderFault(), code);
        }
        ErrorTrait trait = shape.traits().error();
        return new ModelError(shape.name(), shape, trait.httpStatus(), trait.senderFault(),
                trait.code() != null ? trait.code() : shape.name());
    }

    /** The member that carries the human-readable message ("message" in any case), or null. */
    public Member messageMember() {
        if (shape == null) {
            return null;
        }
        return shape.members().values().stream()
                .filter(m -> m.name().equalsIgnoreCase("message"))
                .findFirst().orElse(null);
    }

    /** A code without a namespace ("ns#Name") or a trailing qualifier ("Name:http://..."). */
    public static String bareCode(String code) {
        String bare = code;
        int colon = bare.indexOf(':');
        if (colon >= 0) {
            bare = bare.substring(0, colon);
        }
        int hash = bare.lastIndexOf('#');
        return hash >= 0 ? bare.substring(hash + 1) : bare;
    }

    private static StructureShape byName(ServiceModel model, String name) {
        return model.shape(name) instanceof StructureShape s && s.traits().error() != null ? s : null;
    }

    private static boolean hasQueryCode(StructureShape shape, String code) {
        ErrorTrait trait = shape.traits().error();
        return trait != null && code.equals(trait.code());
    }
}
