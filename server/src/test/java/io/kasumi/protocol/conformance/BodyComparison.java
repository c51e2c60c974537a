package io.kasumi.protocol.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.kasumi.protocol.HttpRequest;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares an expected message body with an actual one by what the media type means: JSON and
 * CBOR as value trees (numbers by value), XML as a DOM (whitespace between elements and attribute
 * order ignored), form bodies as multisets of parameters, anything else byte for byte.
 *
 * <p>Deliberate leniencies, each mirroring what every AWS client accepts: an error's
 * {@code __type} matches with or without its namespace ("ns#Name" == "Name"); date-time strings
 * match when they name the same instant ("2019-12-16T22:48:18-01:00" == "2019-12-16T23:48:18Z");
 * and the request id of query and ec2 responses (a root-level {@code ResponseMetadata},
 * {@code requestId} or {@code RequestId} element) is the server's choice: its text is not
 * compared, and it may appear even when the test's body omits it.
 */
public final class BodyComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();
    private static final Set<String> XML_REQUEST_ID_ELEMENTS = Set.of("ResponseMetadata", "requestId", "RequestId", "RequestID");

    private BodyComparison() {
    }

    /** Expected body text as the test writes it: CBOR bodies are base64, others are text. */
    public static byte[] decodeTestBody(String body, String mediaType) {
        if ("application/cbor".equals(mediaType)) {
            return Base64.getDecoder().decode(body.strip());
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Empty when the bodies are equivalent, else what differs. */
    public static Optional<String> compare(String mediaType, String expected, byte[] actual) {
        byte[] expectedBytes = decodeTestBody(expected, mediaType);
        if (expectedBytes.length == 0 || actual.length == 0) {
            return expectedBytes.length == actual.length ? Optional.empty()
                    : Optional.of("expected body " + quote(expectedBytes, mediaType) + ", got " + quote(actual, mediaType));
        }
        try {
            String difference = switch (mediaType == null ? "" : mediaType) {
                case "application/json" -> treeDifference("$", JSON.readTree(expectedBytes), JSON.readTree(actual), true);
                case "application/cbor" -> treeDifference("$", CBOR.readTree(expectedBytes), CBOR.readTree(actual), true);
                case "application/xml", "text/xml" -> xmlDifference(expected, new String(actual, StandardCharsets.UTF_8));
                case "application/x-www-form-urlencoded" -> formDifference(expected, new String(actual, StandardCharsets.UTF_8));
                default -> Arrays.equals(expectedBytes, actual) ? null : "bytes differ";
            };
            return difference == null ? Optional.empty()
                    : Optional.of(difference + "\n  expected body: " + quote(expectedBytes, mediaType) + "\n  actual body:   " + quote(actual, mediaType));
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot read body as " + mediaType + ": " + e.getMessage() + "\n  actual body: " + quote(actual, mediaType));
        }
    }

    private static String quote(byte[] body, String mediaType) {
        if ("application/cbor".equals(mediaType)) {
            try {
                return "cbor " + CBOR.readTree(body) + " (base64 " + Base64.getEncoder().encodeToString(body) + ")";
            } catch (IOException | RuntimeException e) {
                return "base64 " + Base64.getEncoder().encodeToString(body);
            }
        }
        return "\"" + new String(body, StandardCharsets.UTF_8) + "\"";
    }

    // ---- JSON and CBOR

    /** The first difference between two trees, or null. */
    static String treeDifference(String path, JsonNode expected, JsonNode actual, boolean root) {
        if (expected.isNumber() && actual.isNumber()) {
            return numbersEqual(expected, actual) ? null : path + ": expected " + expected + ", got " + actual;
        }
        if (expected.isBinary() && actual.isBinary()) {
            try {
                return Arrays.equals(expected.binaryValue(), actual.binaryValue()) ? null : path + ": byte strings differ";
            } catch (IOException e) {
                return path + ": " + e.getMessage();
            }
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return path + ": expected " + expected.getNodeType() + " " + expected + ", got " + actual.getNodeType() + " " + actual;
        }
        if (expected.isObject()) {
            Set<String> expectedNames = fieldNames(expected);
            Set<String> actualNames = fieldNames(actual);
            if (!expectedNames.equals(actualNames)) {
                return path + ": expected fields " + expectedNames + ", got " + actualNames;
            }
            for (String name : expectedNames) {
                JsonNode e = expected.get(name);
                JsonNode a = actual.get(name);
                if (root && name.equals("__type") && e.isTextual() && a.isTextual()) {
                    if (!errorTypeName(e.asText()).equals(errorTypeName(a.asText()))) {
                        return "$.__type: expected " + e + ", got " + a;
                    }
                    continue;
                }
                String difference = treeDifference(path + "." + name, e, a, false);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return path + ": expected " + expected.size() + " elements, got " + actual.size();
            }
            for (int i = 0; i < expected.size(); i++) {
                String difference = treeDifference(path + "[" + i + "]", expected.get(i), actual.get(i), false);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isTextual() && sameInstant(expected.asText(), actual.asText())) {
            return null;
        }
        return expected.equals(actual) ? null : path + ": expected " + expected + ", got " + actual;
    }

    /** Two ISO-8601 date-times with offsets that name the same instant. */
    static boolean sameInstant(String expected, String actual) {
        if (expected.length() < 20 || actual.length() < 20 || expected.charAt(10) != 'T' || actual.charAt(10) != 'T') {
            return false;
        }
        try {
            return OffsetDateTime.parse(expected).toInstant().equals(OffsetDateTime.parse(actual).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean numbersEqual(JsonNode expected, JsonNode actual) {
        if (expected.isFloatingPointNumber() || actual.isFloatingPointNumber()) {
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            if (!Double.isFinite(e) || !Double.isFinite(a)) {
                return Double.compare(e, a) == 0;
            }
            if (expected.isFloat() || actual.isFloat()) {
                return Float.compare(expected.floatValue(), actual.floatValue()) == 0;
            }
        }
        return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** An error type as clients read it: the part after '#' and before ':'. */
    static String errorTypeName(String type) {
        String name = type.substring(type.lastIndexOf('#') + 1);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    /** Reads a JSON body, for assertions on error bodies. */
    static Optional<JsonNode> readJson(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---- XML

    private static String xmlDifference(String expected, String actual) throws IOException {
        Element e = parseXml(expected).getDocumentElement();
        Element a = parseXml(actual).getDocumentElement();
        return elementDifference("/" + e.getTagName(), e, a, true);
    }

    private static Document parseXml(String text) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text.strip())));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Elements match when name, namespace, attributes (namespace declarations included) and text
     * match, and their children match grouped by name: siblings of different names may come in
     * any order, siblings of one name (list entries) must keep theirs.
     */
    private static String elementDifference(String path, Element expected, Element actual, boolean root) {
        if (!expected.getLocalName().equals(actual.getLocalName())
                || !String.valueOf(expected.getNamespaceURI()).equals(String.valueOf(actual.getNamespaceURI()))) {
            return path + ": expected element {" + expected.getNamespaceURI() + "}" + expected.getLocalName()
                    + ", got {" + actual.getNamespaceURI() + "}" + actual.getLocalName();
        }
        Map<String, String> expectedAttributes = attributes(expected);
        Map<String, String> actualAttributes = attributes(actual);
        if (!expectedAttributes.equals(actualAttributes)) {
            return path + ": expected attributes " + expectedAttributes + ", got " + actualAttributes;
        }
        Map<String, List<Element>> expectedChildren = children(expected);
        Map<String, List<Element>> actualChildren = children(actual);
        boolean leaves = expectedChildren.isEmpty() && actualChildren.isEmpty();
        if (root) {
            actualChildren.keySet().removeIf(name -> XML_REQUEST_ID_ELEMENTS.contains(localName(name)) && !expectedChildren.containsKey(name));
            expectedChildren.keySet().removeIf(name -> XML_REQUEST_ID_ELEMENTS.contains(localName(name)) && actualChildren.remove(name) != null);
        }
        if (leaves) {
            String e = leafText(expected);
            String a = leafText(actual);
            return e.equals(a) || sameInstant(e, a) ? null : path + ": expected text \"" + e + "\", got \"" + a + "\"";
        }
        if (!expectedChildren.keySet().equals(actualChildren.keySet())) {
            return path + ": expected children " + expectedChildren.keySet() + ", got " + actualChildren.keySet();
        }
        for (Map.Entry<String, List<Element>> entry : expectedChildren.entrySet()) {
            List<Element> e = entry.getValue();
            List<Element> a = actualChildren.get(entry.getKey());
            if (e.size() != a.size()) {
                return path + "/" + localName(entry.getKey()) + ": expected " + e.size() + " elements, got " + a.size();
            }
            for (int i = 0; i < e.size(); i++) {
                String childPath = path + "/" + localName(entry.getKey()) + (e.size() > 1 ? "[" + i + "]" : "");
                String difference = elementDifference(childPath, e.get(i), a.get(i), false);
                if (difference != null) {
                    return difference;
                }
            }
        }
        return null;
    }

    /** A leaf's text; blank text spanning lines is pretty-printing of an empty element. */
    private static String leafText(Element element) {
        String text = element.getTextContent();
        return text.isBlank() && text.indexOf('\n') >= 0 ? "" : text;
    }

    private static Map<String, String> attributes(Element element) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attr = (Attr) map.item(i);
            attributes.put(attr.getName(), attr.getValue());
        }
        return attributes;
    }

    /** Child elements by {namespace}name in first-seen order; text between them is ignored. */
    private static Map<String, List<Element>> children(Element element) {
        Map<String, List<Element>> children = new LinkedHashMap<>();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                Element child = (Element) nodes.item(i);
                children.computeIfAbsent("{" + child.getNamespaceURI() + "}" + child.getLocalName(), k -> new ArrayList<>()).add(child);
            }
        }
        return children;
    }

    private static String localName(String qualified) {
        return qualified.substring(qualified.indexOf('}') + 1);
    }

    // ---- forms

    private static String formDifference(String expected, String actual) {
        Map<String, List<String>> e = sortedForm(expected);
        Map<String, List<String>> a = sortedForm(actual);
        if (e.equals(a)) {
            return null;
        }
        Set<String> keys = new TreeSet<>(e.keySet());
        keys.addAll(a.keySet());
        List<String> differences = new ArrayList<>();
        for (Iterator<String> it = keys.iterator(); it.hasNext() && differences.size() < 10; ) {
            String key = it.next();
            if (!String.valueOf(e.get(key)).equals(String.valueOf(a.get(key)))) {
                differences.add(key + ": expected " + e.get(key) + ", got " + a.get(key));
            }
        }
        return "form parameters differ: " + differences;
    }

    private static Map<String, List<String>> sortedForm(String text) {
        Map<String, List<String>> form = new TreeMap<>();
        HttpRequest.parseForm(text.strip().replace("\n", "")).forEach((k, v) -> form.put(k, v.stream().sorted().toList()));
        return form;
    }
}
