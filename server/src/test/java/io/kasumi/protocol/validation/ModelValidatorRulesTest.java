package io.kasumi.protocol.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.model.StructureShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules a small hand-written model implies, one trait at a time. */
class ModelValidatorRulesTest {
    private static final ServiceModel WIDGETS = model("""
            {
              "metadata": {"protocol": "json", "serviceId": "Widgets", "endpointPrefix": "widgets"},
              "operations": {"Make": {"name": "Make", "input": {"shape": "MakeInput"}}},
              "shapes": {
                "MakeInput": {"type": "structure", "required": ["Token", "Size", "Name"], "members": {
                  "Token": {"shape": "Name", "idempotencyToken": true},
                  "Size": {"shape": "Count", "default": 1},
                  "Name": {"shape": "Name"},
                  "Pair": {"shape": "Pair"},
                  "Count": {"shape": "Count"},
                  "Ratio": {"shape": "Ratio"},
                  "Data": {"shape": "Data"},
                  "Tree": {"shape": "Node"},
                  "Twins": {"shape": "Twins"},
                  "Odd": {"shape": "Odd"}
                }},
                "Name": {"type": "string", "min": 1, "max": 3},
                "Pair": {"type": "string", "min": 2},
                "Count": {"type": "integer", "min": 1, "max": 5},
                "Ratio": {"type": "double", "min": 0, "max": 0.5},
                "Data": {"type": "blob", "max": 2},
                "Node": {"type": "structure", "required": ["Id"], "members": {
                  "Id": {"shape": "Name"},
                  "Children": {"shape": "Nodes"}
                }},
                "Nodes": {"type": "list", "member": {"shape": "Node"}},
                "Twins": {"type": "list", "member": {"shape": "Node"}, "max": 1},
                "Odd": {"type": "string", "pattern": "[a-z"}
              }
            }
            """);
    private static final StructureShape MAKE = WIDGETS.operation("Make").input();

    private static ServiceModel model(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = new ObjectMapper().readValue(json, Map.class);
            return ServiceModelLoader.fromTree("widgets", tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> violations(Map<String, Object> input) {
        return ModelValidator.forService(WIDGETS).validate(MAKE, input).stream().map(Violation::describe).toList();
    }

    @Test
    void skipsIdempotencyTokensAndMembersWithDefaults() {
        assertThat(violations(Map.of("Name", "a"))).isEmpty();
    }

    @Test
    void rejectsStringsTooLongOrTooShort() {
        assertThat(violations(Map.of("Name", "abcd"))).containsExactly(
                "Value 'abcd' at 'name' failed to satisfy constraint: Member must have length less than or equal to 3");
        assertThat(violations(Map.of("Name", ""))).containsExactly(
                "Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void countsStringLengthInCodePoints() {
        String oneEmoji = "\uD83D\uDE00"; // 1 code point, 2 UTF-16 units
        String threeEmoji = oneEmoji.repeat(3); // 3 code points, 6 UTF-16 units: within max 3

        assertThat(violations(Map.of("Name", threeEmoji, "Pair", oneEmoji + "a"))).isEmpty();
        assertThat(violations(Map.of("Name", "a", "Pair", oneEmoji))).containsExactly("Value '" + oneEmoji
                + "' at 'pair' failed to satisfy constraint: Member must have length greater than or equal to 2");
        assertThat(violations(Map.of("Name", oneEmoji.repeat(2) + "ab"))).containsExactly("Value '"
                + oneEmoji.repeat(2) + "ab' at 'name' failed to satisfy constraint: "
                + "Member must have length less than or equal to 3");
    }

    @Test
    void countsALoneSurrogateAsOneCharacter() {
        assertThat(violations(Map.of("Name", "\uD83Dab"))).isEmpty();
        assertThat(violations(Map.of("Name", "a", "Pair", "\uD83D"))).hasSize(1);
    }

    @Test
    void printsIntegerAndDoubleBoundsAsTheirJavaTypes() {
        assertThat(violations(Map.of("Name", "a", "Count", 9, "Ratio", -1.0))).containsExactly(
                "Value '9' at 'count' failed to satisfy constraint: Member must have value less than or equal to 5",
                "Value '-1.0' at 'ratio' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 0.0");
        assertThat(violations(Map.of("Name", "a", "Count", 0L, "Ratio", 0.75))).containsExactly(
                "Value '0' at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1",
                "Value '0.75' at 'ratio' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 0.5");
    }

    @Test
    void acceptsNaNForRanges() {
        assertThat(violations(Map.of("Name", "a", "Ratio", Double.NaN))).isEmpty();
    }

    @Test
    void rendersBlobsAsTheByteBufferAwsHolds() {
        assertThat(violations(Map.of("Name", "a", "Data", new byte[3]))).containsExactly(
                "Value 'java.nio.HeapByteBuffer[pos=0 lim=3 cap=3]' at 'data' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 2");
    }

    @Test
    void walksRecursiveStructures() {
        Map<String, Object> tree = Map.of("Id", "a", "Children", List.of(Map.of("Id", "b", "Children", List.of(Map.of()))));

        assertThat(violations(Map.of("Name", "a", "Tree", tree))).containsExactly(
                "Value null at 'tree.children.1.member.children.1.member.id' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void rendersStructuresWithEveryMember() {
        List<Object> twins = List.of(Map.of("Id", "a"), Map.of("Id", "b", "Children", List.of()));

        assertThat(violations(Map.of("Name", "a", "Twins", twins))).containsExactly(
                "Value '[Node(id=a, children=null), Node(id=b, children=[])]' at 'twins' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 1");
    }

    @Test
    void skipsPatternsJavaCannotCompile() {
        assertThat(violations(Map.of("Name", "a", "Odd", "ZZZ"))).isEmpty();
    }

    @Test
    void readsBotocoreSupplementaryEscapesAsCodePoints() {
        String modelPattern = "[\\u0009\\u0020-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+";

        String regex = RuleCompiler.javaRegex(modelPattern);

        assertThat(regex).isEqualTo("[\\u0009\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]+");
        assertThat(Pattern.compile(regex).matcher("a\uD83D\uDE00").matches()).isTrue();
        assertThat(Pattern.compile(regex).matcher("\u0001").matches()).isFalse();
    }

    @Test
    void worksAFullStructureIntoOneMessage() {
        List<Violation> found = ModelValidator.forService(WIDGETS).validate(MAKE, Map.of("Count", 7, "Data", new byte[0]));

        assertThat(ValidationErrorStyle.CORAL_JSON.toException(found).getMessage()).isEqualTo(
                "2 validation errors detected: Value null at 'name' failed to satisfy constraint: "
                        + "Member must not be null; Value '7' at 'count' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 5");
    }
}
