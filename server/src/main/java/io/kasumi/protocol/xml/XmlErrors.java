package io.kasumi.protocol.xml;

import io.kasumi.api.AwsException;
import io.kasumi.model.Location;
import io.kasumi.model.Member;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.codec.ModelError;
import io.kasumi.protocol.codec.TimestampFormat;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.time.Instant;
import java.util.Map;

/**
 * The elements every XML protocol's error body shares: {@code Type}, {@code Code},
 * {@code Message} and the error's other members.
 */
public final class XmlErrors {
    private XmlErrors() {
    }

    /**
     * Writes Type (when asked), Code (the error trait's custom code, else the shape name),
     * Message, then the error's other body members: those of the error shape as the model
     * says, extra scalar details beyond the model (S3's BucketName) as plain elements.
     */
    public static void writeDetails(XmlShapeWriter writer, ModelError wire, AwsException error, boolean withType)
            throws XMLStreamException {
        XMLStreamWriter out = writer.out();
        if (withType) {
            element(out, "Type", wire.senderFault() ? "Sender" : "Receiver");
        }
        element(out, "Code", wire.queryCode());
        String message = message(error);
        if (message != null) {
            element(out, "Message", message);
        }
        StructureShape shape = wire.shape();
        if (shape != null) {
            for (Member member : shape.members().values()) {
                Object value = error.fields().get(member.name());
                if (value != null && member.location() == Location.BODY && !isMessage(member.name())) {
                    writer.writeMember(member, value);
                }
            }
        }
        for (Map.Entry<String, Object> field : error.fields().entrySet()) {
            boolean modeled = shape != null && shape.member(field.getKey()) != null;
            if (!modeled && !isMessage(field.getKey()) && isScalar(field.getValue())) {
                element(out, field.getKey(), text(field.getValue()));
            }
        }
    }

    /** The exception's message, else a message member among its fields. */
    private static String message(AwsException error) {
        if (error.getMessage() != null) {
            return error.getMessage();
        }
        for (Map.Entry<String, Object> field : error.fields().entrySet()) {
            if (isMessage(field.getKey()) && field.getValue() != null) {
                return field.getValue().toString();
            }
        }
        return null;
    }

    private static boolean isMessage(String name) {
        return name.equalsIgnoreCase("message");
    }

    public static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Instant;
    }

    private static String text(Object value) {
        return value instanceof Instant instant
                ? XmlScalars.STANDARD.formatTimestamp(instant, TimestampFormat.DATE_TIME) : value.toString();
    }
}
