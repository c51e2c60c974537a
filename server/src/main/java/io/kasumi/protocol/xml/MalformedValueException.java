package io.kasumi.protocol.xml;

/**
 * Input text that cannot be read as the model says (a bad number, timestamp, base64 or XML).
 * Codecs turn it into their protocol's error: MalformedInput for query, MalformedXML for rest-xml.
 */
public final class MalformedValueException extends RuntimeException {
    public MalformedValueException(String message) {
        super(message, null, false, false);
    }
}
