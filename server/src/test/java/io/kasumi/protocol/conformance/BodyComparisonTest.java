package io.kasumi.protocol.conformance;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BodyComparisonTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonComparesTreesWithNumbersByValue() {
        assertThat(BodyComparison.compare("application/json", "{\"a\": 1.0, \"b\": [1, 2]}", utf8("{\"b\":[1,2],\"a\":1}"))).isEmpty();
        assertThat(BodyComparison.compare("application/json", "{\"b\": [1, 2]}", utf8("{\"b\":[2,1]}")))
                .hasValueSatisfying(d -> assertThat(d).startsWith("$.b[0]: expected 1, got 2"));
    }

    @Test
    void errorTypeMatchesWithOrWithoutItsNamespace() {
        assertThat(BodyComparison.compare("application/json", "{\"__type\": \"aws.protocoltests.json10#ComplexError\"}",
                utf8("{\"__type\":\"ComplexError\"}"))).isEmpty();
        assertThat(BodyComparison.compare("application/json", "{\"__type\": \"ns#ComplexError\"}",
                utf8("{\"__type\":\"OtherError\"}"))).isPresent();
    }

    @Test
    void xmlIgnoresFormattingAndAttributeOrderButNotListOrder() {
        String expected = """
                <Root xmlns="https://example.com/" b="2" a="1">
                    <name>x</name>
                    <list><member>1</member><member>2</member></list>
                </Root>""";
        assertThat(BodyComparison.compare("application/xml", expected,
                utf8("<Root a=\"1\" b=\"2\" xmlns=\"https://example.com/\"><list><member>1</member><member>2</member></list><name>x</name></Root>")))
                .isEmpty();
        assertThat(BodyComparison.compare("application/xml", expected,
                utf8("<Root a=\"1\" b=\"2\" xmlns=\"https://example.com/\"><name>x</name><list><member>2</member><member>1</member></list></Root>")))
                .isPresent();
    }

    @Test
    void xmlNamespacesMustMatch() {
        assertThat(BodyComparison.compare("application/xml", "<Root xmlns=\"https://a/\"/>", utf8("<Root/>"))).isPresent();
    }

    @Test
    void queryRequestIdsAreTheServersChoice() {
        String expected = "<OpResponse><requestId>requestid</requestId></OpResponse>";
        assertThat(BodyComparison.compare("application/xml", expected, utf8("<OpResponse><requestId>foo-id</requestId></OpResponse>"))).isEmpty();
        assertThat(BodyComparison.compare("application/xml", "<OpResponse><OpResult/></OpResponse>",
                utf8("<OpResponse><OpResult/><ResponseMetadata><RequestId>x</RequestId></ResponseMetadata></OpResponse>"))).isEmpty();
    }

    @Test
    void dateTimesMatchWhenTheyNameTheSameInstant() {
        assertThat(BodyComparison.compare("application/xml", "<a><t>2019-12-16T22:48:18-01:00</t></a>",
                utf8("<a><t>2019-12-16T23:48:18Z</t></a>"))).isEmpty();
        assertThat(BodyComparison.compare("application/json", "{\"t\": \"2019-12-16T22:48:18-01:00\"}",
                utf8("{\"t\":\"2019-12-16T22:48:18Z\"}"))).isPresent();
    }

    @Test
    void cborComparesDecodedValuesWithFloatsByValue() throws Exception {
        CBORMapper cbor = new CBORMapper();
        String expected = Base64.getEncoder().encodeToString(cbor.writeValueAsBytes(Map.of("f", 5.5f, "n", 1)));
        assertThat(BodyComparison.compare("application/cbor", expected, cbor.writeValueAsBytes(Map.of("n", 1L, "f", 5.5d)))).isEmpty();
        assertThat(BodyComparison.compare("application/cbor", expected, cbor.writeValueAsBytes(Map.of("n", 1, "f", 5.6d)))).isPresent();
    }

    @Test
    void formBodiesCompareAsParameterMultisets() {
        assertThat(BodyComparison.compare("application/x-www-form-urlencoded", "Action=Op&Version=1&A=x",
                utf8("A=x&Version=1&Action=Op"))).isEmpty();
        assertThat(BodyComparison.compare("application/x-www-form-urlencoded", "Action=Op&A=x", utf8("Action=Op&A=y"))).isPresent();
    }

    @Test
    void emptyExpectedBodyMeansNoBody() {
        assertThat(BodyComparison.compare("application/json", "", new byte[0])).isEmpty();
        assertThat(BodyComparison.compare("application/json", "", utf8("{}"))).isPresent();
    }
}
