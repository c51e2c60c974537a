package io.kasumi.protocol.xml;

import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.XmlNamespace;

/**
 * Element names and namespaces of XML documents, from the model's locationName and
 * xmlNamespace traits.
 *
 * <p>Flattened lists follow two conventions that the models encode differently. Smithy puts
 * xmlFlattened on the structure member and names each item after that member (ignoring the list
 * member's name); botocore puts "flattened" on the list shape and names each item after the list
 * member's locationName when it has one (SQS's {@code <Message>} items of {@code Messages}).
 * A member-level flag therefore means the Smithy rule and a shape-level flag the botocore rule.
 */
public final class XmlNames {
    private XmlNames() {
    }

    /** The element (or attribute) name of a structure member. */
    public static String element(Member member) {
        return member.wireName();
    }

    /**
     * The element (or parameter) name of a structure member in awsQuery: its queryName when the
     * model gives one, else its wire name. SQS's patch keeps the query-era names there
     * ("Attribute" for Attributes), since a locationName would rename the member's JSON key too.
     */
    public static String queryElement(Member member) {
        return member.queryName() != null ? member.queryName() : member.wireName();
    }

    /** The name of each repeated element of a flattened list member. */
    public static String flattenedItem(Member member, ListShape list) {
        return flattenedItem(member, list, element(member));
    }

    /** The same, given the name the member itself has in this protocol. */
    public static String flattenedItem(Member member, ListShape list, String memberName) {
        if (!member.flattened() && list.member().locationName() != null) {
            return list.member().locationName();
        }
        return memberName;
    }

    /** The namespace of each item of a flattened list: the member's own, else the list member's. */
    public static XmlNamespace flattenedItemNamespace(Member member, ListShape list) {
        return member.xmlNamespace() != null ? member.xmlNamespace() : list.member().xmlNamespace();
    }

    /** The element of each item of a wrapped list (default "member"). */
    public static String listItem(ListShape list) {
        String name = list.member().locationName();
        return name != null ? name : "member";
    }

    public static String mapKey(MapShape map) {
        String name = map.key().locationName();
        return name != null ? name : "key";
    }

    public static String mapValue(MapShape map) {
        String name = map.value().locationName();
        return name != null ? name : "value";
    }
}
