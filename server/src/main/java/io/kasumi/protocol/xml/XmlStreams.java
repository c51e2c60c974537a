package io.kasumi.protocol.xml;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Woodstox readers and writers, configured once. Readers refuse DTDs and external entities
 * (request bodies are untrusted); writers replace characters XML 1.0 cannot carry instead of
 * failing the whole response.
 */
public final class XmlStreams {
    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = outputFactory();

    private XmlStreams() {
    }

    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return INPUT.createXMLStreamReader(in);
    }

    /** A UTF-8 writer; the caller writes the XML declaration if the protocol sends one. */
    public static XMLStreamWriter writer(OutputStream out) throws XMLStreamException {
        return OUTPUT.createXMLStreamWriter(out, "UTF-8");
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static XMLOutputFactory outputFactory() {
        XMLOutputFactory factory = new WstxOutputFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, false);
        factory.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_STRUCTURE, false);
        factory.setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER,
                new InvalidCharHandler.ReplacingHandler('\uFFFD'));
        return factory;
    }
}
