package io.kasumi.protocol.xml;

import io.kasumi.model.ListShape;
import io.kasumi.model.Location;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.ShapeType;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads XML elements into value trees by the model, streaming: unknown elements are skipped,
 * whitespace between elements is ignored, text inside scalar elements is kept exactly.
 * Elements match members by local name; namespaces are not checked.
 */
public final class XmlShapeReader {
    private final XMLStreamReader in;
    private final XmlScalars scalars;

    public XmlShapeReader(XMLStreamReader in, XmlScalars scalars) {
        this.in = in;
        this.scalars = scalars;
    }

    /**
     * Reads a whole document whose root element is the structure (its name is not checked).
     * An empty document is an empty structure.
     *
     * @throws MalformedValueException when the XML is not well-formed or a value is invalid
     */
    public static Map<String, Object> readDocument(InputStream body, StructureShape shape, XmlScalars scalars) {
        try {
            PushbackInputStream input = new PushbackInputStream(body, 1);
            int first = input.read();
            if (first < 0) {
                return new LinkedHashMap<>();
            }
            input.unread(first);
            XMLStreamReader reader = XmlStreams.reader(input);
            try {
                if (!toRootElement(reader)) {
                    return new LinkedHashMap<>();
                }
                Map<String, Object> value = new XmlShapeReader(reader, scalars).readStructure(shape);
                while (reader.hasNext()) {
                    reader.next(); // trailing comments and whitespace; garbage fails here
                }
                return value;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new MalformedValueException("The XML you provided was not well-formed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean toRootElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** Reads the structure whose start tag the reader is at; leaves the reader at its end tag. */
    public Map<String, Object> readStructure(StructureShape shape) throws XMLStreamException {
        Map<String, Object> result = new LinkedHashMap<>();
        readAttributes(shape, result);
        while (nextChild()) {
            Member member = memberFor(shape, in.getLocalName());
            if (member == null) {
                skipElement();
            } else {
                readMemberInto(member, result);
            }
        }
        return result;
    }

    /** The element text of the current start tag (nested elements skipped), ending at its end tag. */
    public String readText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (in.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> text.append(in.getText());
                case XMLStreamConstants.START_ELEMENT -> skipElement();
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document");
                default -> {
                    // comments and processing instructions
                }
            }
        }
    }

    /** Skips the element whose start tag the reader is at, through its end tag. */
    public void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            switch (in.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document");
                default -> {
                    // content of the skipped element
                }
            }
        }
    }

    /** Advances to the next child start tag (true) or the parent's end tag (false). */
    public boolean nextChild() throws XMLStreamException {
        while (true) {
            switch (in.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return false;
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document");
                default -> {
                    // whitespace, stray text, comments between elements
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void readMemberInto(Member member, Map<String, Object> result) throws XMLStreamException {
        switch (member.target()) {
            case ListShape list when member.isFlattened() -> {
                Object item = readValue(list.member());
                List<Object> items = (List<Object>) result.computeIfAbsent(member.name(), k -> new ArrayList<>());
                if (item != null) {
                    items.add(item);
                }
            }
            case MapShape map when member.isFlattened() -> {
                Map<String, Object> entries = (Map<String, Object>) result.computeIfAbsent(member.name(), k -> new LinkedHashMap<>());
                readEntry(map, entries);
            }
            default -> {
                Object value = readValue(member);
                if (value != null) {
                    result.put(member.name(), value);
                }
            }
        }
    }

    /** Reads the element the reader is at as a value of the member's target. */
    public Object readValue(Member member) throws XMLStreamException {
        return switch (member.target()) {
            case StructureShape structure -> readStructure(structure);
            case ListShape list -> {
                List<Object> items = new ArrayList<>();
                while (nextChild()) {
                    Object item = readValue(list.member());
                    if (item != null) {
                        items.add(item);
                    }
                }
                yield items;
            }
            case MapShape map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                while (nextChild()) {
                    readEntry(map, entries);
                }
                yield entries;
            }
            case SimpleShape simple -> {
                String text = readText();
                if (text.isEmpty() && simple.type() != ShapeType.STRING && simple.type() != ShapeType.BLOB) {
                    yield null; // <Count/> carries no number
                }
                yield scalars.parse(member, text);
            }
        };
    }

    /** Reads one map entry (the element the reader is at) with its key and value children. */
    private void readEntry(MapShape map, Map<String, Object> entries) throws XMLStreamException {
        String keyName = XmlNames.mapKey(map);
        String valueName = XmlNames.mapValue(map);
        String key = null;
        Object value = null;
        while (nextChild()) {
            String name = in.getLocalName();
            if (name.equals(keyName)) {
                key = readText();
            } else if (name.equals(valueName)) {
                value = readValue(map.value());
            } else {
                skipElement();
            }
        }
        if (key != null) {
            entries.put(key, value);
        }
    }

    private void readAttributes(StructureShape shape, Map<String, Object> result) {
        int count = in.getAttributeCount();
        if (count == 0) {
            return;
        }
        for (Member member : shape.members().values()) {
            if (!member.xmlAttribute()) {
                continue;
            }
            String name = XmlNames.element(member);
            for (int i = 0; i < count; i++) {
                String local = in.getAttributeLocalName(i);
                String prefix = in.getAttributePrefix(i);
                boolean matches = name.equals(local)
                        || (prefix != null && !prefix.isEmpty() && name.equals(prefix + ":" + local));
                if (matches) {
                    result.put(member.name(), scalars.parse(member, in.getAttributeValue(i)));
                    break;
                }
            }
        }
    }

    /** The body member an element names; flattened lists answer to either naming convention. */
    private static Member memberFor(StructureShape shape, String element) {
        for (Member member : shape.members().values()) {
            if (member.location() != Location.BODY || member.xmlAttribute()) {
                continue;
            }
            if (element.equals(XmlNames.element(member))) {
                return member;
            }
            if (member.target() instanceof ListShape list && member.isFlattened()
                    && element.equals(XmlNames.flattenedItem(member, list))) {
                return member;
            }
        }
        return null;
    }
}
