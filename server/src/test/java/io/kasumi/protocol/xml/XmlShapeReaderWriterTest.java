package io.kasumi.protocol.xml;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.model.StructureShape;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlShapeReaderWriterTest {
    private static final ServiceModel MODEL = model("""
            {"metadata": {"protocol": "rest-xml", "apiVersion": "2020-01-01", "endpointPrefix": "x"},
             "operations": {},
             "shapes": {
               "Doc": {"type": "structure", "members": {
                 "attr": {"shape": "S", "xmlAttribute": true, "locationName": "test"},
                 "name": {"shape": "S"},
                 "renamed": {"shape": "D", "locationName": "DoubleDribble"},
                 "flag": {"shape": "B"},
                 "count": {"shape": "I"},
                 "when": {"shape": "T"},
                 "epoch": {"shape": "T", "timestampFormat": "unixTimestamp"},
                 "data": {"shape": "Blob"},
                 "wrapped": {"shape": "ItemList"},
                 "smithyFlat": {"shape": "ItemList", "flattened": true},
                 "botoFlat": {"shape": "FlatItems"},
                 "tags": {"shape": "TagMap"},
                 "flatMap": {"shape": "PlainMap", "flattened": true},
                 "nested": {"shape": "Nested", "xmlNamespace": {"uri": "http://qux.com"}},
                 "grantee": {"shape": "Grantee"}
               }},
               "S": {"type": "string"}, "D": {"type": "double"}, "B": {"type": "boolean"}, "I": {"type": "integer"},
               "T": {"type": "timestamp"}, "Blob": {"type": "blob"},
               "ItemList": {"type": "list", "member": {"shape": "S", "locationName": "item"}},
               "FlatItems": {"type": "list", "member": {"shape": "S", "locationName": "Entry"}, "flattened": true},
               "TagMap": {"type": "map", "key": {"shape": "S", "locationName": "K"}, "value": {"shape": "S", "locationName": "V"}},
               "PlainMap": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
               "Nested": {"type": "structure", "members": {"foo": {"shape": "S", "xmlNamespace": {"uri": "http://baz.com", "prefix": "baz"}}}},
               "Grantee": {"type": "structure", "xmlNamespace": {"prefix": "xsi", "uri": "http://www.w3.org/2001/XMLSchema-instance"},
                 "members": {"Type": {"shape": "S", "xmlAttribute": true, "locationName": "xsi:type"}, "ID": {"shape": "S"}}}
             }}
            """);
    private static final StructureShape DOC = (StructureShape) MODEL.shape("Doc");

    @SuppressWarnings("unchecked")
    static ServiceModel model(String json) {
        try {
            return ServiceModelLoader.fromTree("test", new ObjectMapper().readValue(json, LinkedHashMap.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(XmlScalars scalars, Map<String, Object> value) {
        return new String(XmlDocuments.write(false, out -> new XmlShapeWriter(out, scalars).writeStructure("Doc", null, DOC, value)),
                StandardCharsets.UTF_8);
    }

    private static Map<String, Object> read(String xml) {
        return XmlShapeReader.readDocument(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), DOC, XmlScalars.STANDARD);
    }

    private static Map<String, Object> sample() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("attr", "a<&\"b");
        value.put("name", "  spaced   text  ");
        value.put("renamed", Double.NaN);
        value.put("flag", true);
        value.put("count", 3);
        value.put("when", Instant.parse("2014-04-29T18:30:38Z"));
        value.put("epoch", Instant.parse("2014-04-29T18:30:38.5Z"));
        value.put("data", "value".getBytes(StandardCharsets.UTF_8));
        value.put("wrapped", List.of("a", "b"));
        value.put("smithyFlat", List.of("c", "d"));
        value.put("botoFlat", List.of("e"));
        value.put("tags", Map.of("k", "v"));
        value.put("flatMap", Map.of("x", "y"));
        value.put("nested", Map.of("foo", "Foo"));
        value.put("grantee", Map.of("Type", "CanonicalUser", "ID", "id1"));
        return value;
    }

    @Test
    void writesEveryModelFeatureExactly() {
        assertThat(write(XmlScalars.STANDARD, sample())).isEqualTo("<Doc test=\"a&lt;&amp;&quot;b\">"
                + "<name>  spaced   text  </name>"
                + "<DoubleDribble>NaN</DoubleDribble>"
                + "<flag>true</flag>"
                + "<count>3</count>"
                + "<when>2014-04-29T18:30:38Z</when>"
                + "<epoch>1398796238.5</epoch>"
                + "<data>dmFsdWU=</data>"
                + "<wrapped><item>a</item><item>b</item></wrapped>"
                + "<smithyFlat>c</smithyFlat><smithyFlat>d</smithyFlat>"
                + "<Entry>e</Entry>"
                + "<tags><entry><K>k</K><V>v</V></entry></tags>"
                + "<flatMap><key>x</key><value>y</value></flatMap>"
                + "<nested xmlns=\"http://qux.com\"><foo xmlns:baz=\"http://baz.com\">Foo</foo></nested>"
                + "<grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>id1</ID></grantee>"
                + "</Doc>");
    }

    @Test
    void writesS3TimestampsWithMilliseconds() {
        assertThat(write(XmlScalars.S3, Map.of("when", Instant.parse("2009-10-12T17:50:30Z"))))
                .isEqualTo("<Doc><when>2009-10-12T17:50:30.000Z</when></Doc>");
    }

    @Test
    void readsBackWhatItWrites() {
        Map<String, Object> parsed = read(write(XmlScalars.STANDARD, sample()));
        Map<String, Object> expected = sample();
        assertThat((byte[]) parsed.remove("data")).isEqualTo(expected.remove("data"));
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void ignoresUnknownElementsWhitespaceAndComments() {
        Map<String, Object> parsed = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Doc xmlns="http://example.com/">
                    <!-- a comment -->
                    <unknown><deep>1</deep></unknown>
                    <name>   </name>
                    <count> 42 </count>
                    <wrapped>
                        <item>a</item>
                        <item><![CDATA[<b>]]></item>
                    </wrapped>
                    <smithyFlat>one</smithyFlat>
                    <ignored/>
                    <smithyFlat>two</smithyFlat>
                </Doc>
                """);
        assertThat(parsed).containsExactly(
                Map.entry("name", "   "),
                Map.entry("count", 42),
                Map.entry("wrapped", List.of("a", "<b>")),
                Map.entry("smithyFlat", List.of("one", "two")));
    }

    @Test
    void readsFlattenedBotocoreListsUnderEitherName() {
        assertThat(read("<Doc><Entry>a</Entry><botoFlat>b</botoFlat></Doc>")).containsEntry("botoFlat", List.of("a", "b"));
    }

    @Test
    void readsEmptyElements() {
        Map<String, Object> parsed = read("<Doc><name/><count/><data></data><wrapped/></Doc>");
        assertThat(parsed).containsEntry("name", "").containsEntry("wrapped", List.of()).doesNotContainKey("count");
        assertThat((byte[]) parsed.get("data")).isEmpty();
    }

    @Test
    void readsEmptyDocumentAsEmptyStructure() {
        assertThat(read("")).isEmpty();
    }

    @Test
    void rejectsMalformedXml() {
        assertThatThrownBy(() -> read("<Doc><name>x</Doc>")).isInstanceOf(MalformedValueException.class);
        assertThatThrownBy(() -> read("<Doc><count>x</count></Doc>"))
                .isInstanceOf(MalformedValueException.class).hasMessageContaining("count");
    }

    @Test
    void refusesDocumentTypeDeclarations() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Doc [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Doc><name>&x;</name></Doc>";
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(MalformedValueException.class);
    }
}
