package io.kasumi.model;

/** A map shape; key and value are linked after every shape exists. */
public final class MapShape implements Shape {
    private final String name;
    private final ShapeTraits traits;
    private Member key;
    private Member value;

    MapShape(String name, ShapeTraits traits) {
        this.name = name;
        this.traits = traits;
    }

    void link(Member key, Member value) {
        this.key = key;
        this.value = value;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ShapeType type() {
        return ShapeType.MAP;
    }

    @Override
    public ShapeTraits traits() {
        return traits;
    }

    public Member key() {
        return key;
    }

    public Member value() {
        return value;
    }

    @Override
    public String toString() {
        return "MapShape[" + name + "]";
    }
}
