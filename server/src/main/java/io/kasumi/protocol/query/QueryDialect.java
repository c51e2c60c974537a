package io.kasumi.protocol.query;

import io.kasumi.model.ListShape;
import io.kasumi.model.Member;
import io.kasumi.protocol.xml.XmlNames;

/** How the two query protocols name input members and number list items. */
enum QueryDialect {
    /** awsQuery: queryName, else locationName or member name; lists "Name.member.N" unless flattened ("Name.N"). */
    AWS_QUERY,
    /** ec2Query: queryName, else locationName or member name capitalised; lists always "Name.N". */
    EC2;

    String memberKey(Member member) {
        return switch (this) {
            case AWS_QUERY -> XmlNames.queryElement(member);
            case EC2 -> member.queryName() != null ? member.queryName() : capitalize(member.wireName());
        };
    }

    /**
     * The key prefixes that list items may hang under, preferred first. A flattened botocore list
     * whose member has a locationName is keyed by that name (SQS "AttributeName.1"); Smithy
     * models key it by the structure member, so both are accepted.
     */
    String[] listItemPrefixes(String parentPrefix, Member member, ListShape list) {
        String key = parentPrefix + memberKey(member);
        if (this == EC2) {
            return new String[] {key};
        }
        if (member.isFlattened()) {
            String botocore = parentPrefix + XmlNames.flattenedItem(member, list, memberKey(member));
            return botocore.equals(key) ? new String[] {key} : new String[] {botocore, key};
        }
        return new String[] {key + "." + XmlNames.listItem(list)};
    }

    private static String capitalize(String name) {
        return name.isEmpty() || Character.isUpperCase(name.charAt(0))
                ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
