package io.kasumi.model;

/** A list shape; its member is linked after every shape exists. */
public final class ListShape implements Shape {
    private final String name;
    private final ShapeTraits traits;
    private Member member;

    ListShape(String name, ShapeTraits traits) {
        this.name = name;
        this.traits = traits;
    }

    void link(Member member) {
        this.member = member;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ShapeType type() {
        return ShapeType.LIST;
    }

    @Override
    public ShapeTraits traits() {
        return traits;
    }

    public Member member() {
        return member;
    }

    @Override
    public String toString() {
        return "ListShape[" + name + "]";
    }
}
