package io.kasumi.protocol.query;

import io.kasumi.model.ListShape;
import io.kasumi.model.MapShape;
import io.kasumi.model.Member;
import io.kasumi.model.SimpleShape;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.xml.XmlScalars;
import io.kasumi.protocol.xml.XmlNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Reads flat query parameters into a value tree: nested structures as "A.B", lists as
 * "Name.member.N" (or "Name.N"), maps as "Name.entry.N.key" / "Name.entry.N.value" (or flattened
 * "Name.N.key"), names per dialect. Parameters the model does not name are ignored.
 */
final class QueryInputReader {
    private final QueryParameters params;
    private final QueryDialect dialect;
    private final XmlScalars scalars;

    QueryInputReader(QueryParameters params, QueryDialect dialect, XmlScalars scalars) {
        this.params = params;
        this.dialect = dialect;
        this.scalars = scalars;
    }

    /** @param prefix "" at the top, else the parent's key and a dot */
    Map<String, Object> readStructure(StructureShape shape, String prefix) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Member member : shape.members().values()) {
            String key = prefix + dialect.memberKey(member);
            Object value = member.target() instanceof ListShape list
                    ? readList(list, dialect.listItemPrefixes(prefix, member, list), key)
                    : readValue(member, key);
            if (value != null) {
                result.put(member.name(), value);
            }
        }
        return result;
    }

    /** The value of the member's target at exactly this key (lists within lists and maps). */
    private Object readValue(Member member, String key) {
        return switch (member.target()) {
            case StructureShape structure -> params.hasPrefix(key + ".") ? readStructure(structure, key + ".") : null;
            case ListShape list -> readList(list, nestedItemPrefixes(list, key), key);
            case MapShape map -> readMap(member, map, key);
            case SimpleShape simple -> {
                String text = params.get(key);
                yield text == null ? null : scalars.parse(member, text);
            }
        };
    }

    private String[] nestedItemPrefixes(ListShape list, String key) {
        if (dialect == QueryDialect.EC2 || list.traits().flattened()) {
            return new String[] {key};
        }
        return new String[] {key + "." + XmlNames.listItem(list)};
    }

    private List<Object> readList(ListShape list, String[] itemPrefixes, String key) {
        for (String prefix : itemPrefixes) {
            SortedSet<Integer> indices = params.indices(prefix);
            if (!indices.isEmpty()) {
                List<Object> items = new ArrayList<>(indices.size());
                for (int index : indices) {
                    Object item = readValue(list.member(), prefix + "." + index);
                    if (item != null) {
                        items.add(item);
                    }
                }
                return items;
            }
        }
        // awsQuery sends an empty list as "Name="
        return "".equals(params.get(key)) ? new ArrayList<>() : null;
    }

    private Map<String, Object> readMap(Member member, MapShape map, String key) {
        String entries = member.isFlattened() ? key : key + ".entry";
        SortedSet<Integer> indices = params.indices(entries);
        if (indices.isEmpty()) {
            return "".equals(params.get(key)) ? new LinkedHashMap<>() : null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        String keyName = XmlNames.mapKey(map);
        String valueName = XmlNames.mapValue(map);
        for (int index : indices) {
            String entry = entries + "." + index + ".";
            String entryKey = params.get(entry + keyName);
            if (entryKey != null) {
                result.put(entryKey, readValue(map.value(), entry + valueName));
            }
        }
        return result;
    }
}
