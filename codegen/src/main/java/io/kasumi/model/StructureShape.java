package io.kasumi.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A structure or union shape. Members are linked after every shape exists, so cycles resolve. */
public final class StructureShape implements Shape {
    private final String name;
    private final ShapeType type;
    private final ShapeTraits traits;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, Member> view = Collections.unmodifiableMap(members);

    StructureShape(String name, ShapeType type, ShapeTraits traits) {
        this.name = name;
        this.type = type;
        this.traits = traits;
    }

    void addMember(Member member) {
        members.put(member.name(), member);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ShapeType type() {
        return type;
    }

    @Override
    public ShapeTraits traits() {
        return traits;
    }

    /** Members in model order, by member name. */
    public Map<String, Member> members() {
        return view;
    }

    public Member member(String memberName) {
        return members.get(memberName);
    }

    /** The member bound to the HTTP payload (botocore "payload"), or null. */
    public Member payloadMember() {
        return traits.payload() == null ? null : members.get(traits.payload());
    }

    @Override
    public String toString() {
        return "StructureShape[" + name + "]";
    }
}
