package io.kasumi.model;

import java.util.List;
import java.util.Map;

/** A named shape of a service model: the unit every codec and the code generator walk. */
public sealed interface Shape permits StructureShape, ListShape, MapShape, SimpleShape {

    String name();

    ShapeType type();

    ShapeTraits traits();

    /** The raw model properties, for traits without a typed accessor. */
    default Map<String, Object> raw() {
        return traits().raw();
    }

    default boolean isEnum() {
        List<String> values = traits().enumValues();
        return values != null && !values.isEmpty();
    }
}
