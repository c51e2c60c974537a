package io.kasumi.protocol.xml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a whole XML document to bytes. */
public final class XmlDocuments {
    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.US_ASCII);

    private XmlDocuments() {
    }

    /** What goes inside a document. */
    @FunctionalInterface
    public interface Content {
        void writeTo(XMLStreamWriter out) throws XMLStreamException;
    }

    /**
     * @param declaration whether to start with {@code <?xml version="1.0" encoding="UTF-8"?>}
     *     (S3 and rest-xml services send it; query services do not)
     */
    public static byte[] write(boolean declaration, Content content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        if (declaration) {
            // by hand: Woodstox quotes it with apostrophes; S3 uses quotes and a line break
            bytes.writeBytes(DECLARATION);
        }
        try {
            XMLStreamWriter out = XmlStreams.writer(bytes);
            content.writeTo(out);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML response", e);
        }
        return bytes.toByteArray();
    }
}
