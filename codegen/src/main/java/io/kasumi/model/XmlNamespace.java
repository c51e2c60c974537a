package io.kasumi.model;

/** An XML namespace declaration; prefix is null for the default namespace. */
public record XmlNamespace(String uri, String prefix) {
}
