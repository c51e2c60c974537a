package io.kasumi.protocol.xml;

import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;
import io.kasumi.model.XmlNamespace;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes value trees as XML elements the way the model names them: members in model order,
 * wrapped or flattened lists and maps, attributes, namespace declarations. Members bound
 * to headers or the status code are left to the caller.
 */
public final class XmlShapeWriter {
    private final XMLStreamWriter out;
    private final XmlScalars scalars;
    private final Function<Member, String> names;

    public XmlShapeWriter(XMLStreamWriter out, XmlScalars scalars) {
        this(out, scalars, XmlNames::element);
    }

    /** @param names the element name of a structure member (awsQuery: {@link XmlNames#queryElement}) */
    public XmlShapeWriter(XMLStreamWriter out, XmlScalars scalars, Function<Member, String> names) {
        this.out = out;
        this.scalars = scalars;
        this.names = names;
    }

    public XMLStreamWriter out() {
        return out;
    }

    /** Writes {@code <name xmlns..attributes>members</name>}. */
    public void writeStructure(String name, XmlNamespace namespace, StructureShape shape, Map<String, Object> value)
            throws XMLStreamException {
        out.writeStartElement(name);
        declare(namespace);
        writeAttributes(shape, value);
        writeChildren(shape, value);
        out.writeEndElement();
    }

    /** Declares a namespace on the element just started. */
    public void declare(XmlNamespace namespace) throws XMLStreamException {
        if (namespace == null || namespace.uri() == null) {
            return;
        }
        if (namespace.prefix() == null || namespace.prefix().isEmpty()) {
            out.writeDefaultNamespace(namespace.uri());
        } else {
            out.writeNamespace(namespace.prefix(), namespace.uri());
        }
    }

    /** Writes the xmlAttribute members of the structure onto the element just started. */
    public void writeAttributes(StructureShape shape, Map<String, Object> value) throws XMLStreamException {
        for (Member member : shape.members().values()) {
            Object memberValue = value.get(member.name());
            if (!member.xmlAttribute() || !isDocumentMember(member) || memberValue == null) {
                continue;
            }
            String name = names.apply(member);
            String text = scalars.format(member, memberValue);
            int colon = name.indexOf(':');
            if (colon > 0) {
                // e.g. S3's xsi:type, whose prefix the enclosing structure declares
                out.writeAttribute(name.substring(0, colon), "", name.substring(colon + 1), text);
            } else {
                out.writeAttribute(name, text);
            }
        }
    }

    /** Writes the element members of the structure, in model order. */
    public void writeChildren(StructureShape shape, Map<String, Object> value) throws XMLStreamException {
        for (Member member : shape.members().values()) {
            Object memberValue = value.get(member.name());
            if (member.xmlAttribute() || !isDocumentMember(member) || memberValue == null) {
                continue;
            }
            writeMember(member, memberValue);
        }
    }

    /**
     * Whether a member of an output or error goes in the document: everything but headers and
     * the status code (query and label bindings mean nothing in a response, so such members are
     * written as elements, as Smithy's IgnoreQueryParamsInResponse case requires).
     */
    public static boolean isDocumentMember(Member member) {
        return switch (member.location()) {
            case HEADER, PREFIX_HEADERS, STATUS_CODE -> false;
            case BODY, QUERY, QUERY_PARAMS, URI -> true;
        };
    }

    /** Writes one structure member: one element, or one per item when flattened. */
    public void writeMember(Member member, Object value) throws XMLStreamException {
        switch (member.target()) {
            case ListShape list when member.isFlattened() -> {
                String item = XmlNames.flattenedItem(member, list, names.apply(member));
                XmlNamespace namespace = XmlNames.flattenedItemNamespace(member, list);
                for (Object element : (List<?>) value) {
                    if (element != null) {
                        writeValue(item, namespace, list.member(), element);
                    }
                }
            }
            case MapShape map when member.isFlattened() -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    writeEntry(names.apply(member), member.xmlNamespace(), map, entry);
                }
            }
            default -> writeValue(names.apply(member), member.xmlNamespace(), member, value);
        }
    }

    /** Writes a value of the member's target type as one element named {@code name}. */
    @SuppressWarnings("unchecked")
    public void writeValue(String name, XmlNamespace namespace, Member member, Object value) throws XMLStreamException {
        switch (member.target()) {
            case StructureShape structure ->
                    writeStructure(name, namespace != null ? namespace : prefixedNamespace(structure), structure,
                            (Map<String, Object>) value);
            case ListShape list -> {
                start(name, namespace);
                String item = XmlNames.listItem(list);
                for (Object element : (List<?>) value) {
                    if (element != null) {
                        writeValue(item, list.member().xmlNamespace(), list.member(), element);
                    }
                }
                out.writeEndElement();
            }
            case MapShape map -> {
                start(name, namespace);
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    writeEntry("entry", null, map, entry);
                }
                out.writeEndElement();
            }
            case SimpleShape simple -> {
                start(name, namespace);
                out.writeCharacters(scalars.format(member, value));
                out.writeEndElement();
            }
        }
    }

    private void writeEntry(String name, XmlNamespace namespace, MapShape map, Map.Entry<?, ?> entry)
            throws XMLStreamException {
        start(name, namespace);
        writeValue(XmlNames.mapKey(map), map.key().xmlNamespace(), map.key(), entry.getKey());
        if (entry.getValue() != null) {
            writeValue(XmlNames.mapValue(map), map.value().xmlNamespace(), map.value(), entry.getValue());
        }
        out.writeEndElement();
    }

    private void start(String name, XmlNamespace namespace) throws XMLStreamException {
        out.writeStartElement(name);
        declare(namespace);
    }

    /**
     * A nested structure's own namespace is written only when it binds a prefix its attributes
     * use (S3's Grantee declares xsi for xsi:type); a default namespace there is ignored.
     */
    private static XmlNamespace prefixedNamespace(StructureShape structure) {
        XmlNamespace namespace = structure.traits().xmlNamespace();
        return namespace != null && namespace.prefix() != null && !namespace.prefix().isEmpty() ? namespace : null;
    }
}
