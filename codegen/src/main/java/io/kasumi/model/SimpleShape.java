package io.kasumi.model;

/** A scalar shape: string, number, boolean, blob, timestamp or document. */
public record SimpleShape(String name, ShapeType type, ShapeTraits traits) implements Shape {
}
