package io.kasumi.protocol.conformance;

import io.kasumi.model.ErrorTrait;
import io.kasumi.model.Location;
import io.kasumi.model.Member;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.StructureShape;
import org.junit.jupiter.api.Test;
import software.amazon.smithy.model.Model;
import software.amazon.smithy.model.shapes.ServiceShape;
import software.amazon.smithy.model.shapes.ShapeId;

import static org.assertj.core.api.Assertions.assertThat;

class SmithyModelAdapterTest {

    private static ServiceModel convert(String service, ConformanceProtocol protocol) {
        Model model = ProtocolTestCatalog.shared().smithyModel();
        return SmithyModelAdapter.toServiceModel(model, model.expectShape(ShapeId.from(service), ServiceShape.class), protocol);
    }

    @Test
    void awsJsonServicesTargetOperationsByServiceName() {
        ServiceModel model = convert("aws.protocoltests.json10#JsonRpc10", ConformanceProtocol.AWS_JSON_1_0);

        assertThat(model.protocol()).isEqualTo("json");
        assertThat(model.jsonVersion()).isEqualTo("1.0");
        assertThat(model.targetPrefix()).isEqualTo("JsonRpc10");
        assertThat(model.operation("NoInputAndNoOutput").input()).isNull();
    }

    @Test
    void restMembersKeepTheirHttpBindingsAndTimestampFormats() {
        ServiceModel model = convert("aws.protocoltests.restjson#RestJson", ConformanceProtocol.REST_JSON_1);
        Operation operation = model.operation("HttpRequestWithLabelsAndTimestampFormat");

        assertThat(operation.httpMethod()).isEqualTo("GET");
        assertThat(operation.requestUri()).startsWith("/HttpRequestWithLabelsAndTimestampFormat/{memberEpochSeconds}/");
        Member epochSeconds = operation.input().member("memberEpochSeconds");
        assertThat(epochSeconds.location()).isEqualTo(Location.URI);
        assertThat(epochSeconds.locationName()).isEqualTo("memberEpochSeconds");
        assertThat(epochSeconds.timestampFormat()).isEqualTo("unixTimestamp");
        assertThat(operation.input().member("memberHttpDate").timestampFormat()).isEqualTo("rfc822");
        assertThat(epochSeconds.required()).isTrue();
    }

    @Test
    void inputBindingsOnAnOutputLeaveTheMemberInTheBody() {
        ServiceModel model = convert("aws.protocoltests.restxml#RestXml", ConformanceProtocol.REST_XML);

        assertThat(model.operation("IgnoreQueryParamsInResponse").output().member("baz").location()).isEqualTo(Location.BODY);
    }

    @Test
    void xmlNamesAndAttributesComeFromMixinMembers() {
        ServiceModel model = convert("aws.protocoltests.restxml#RestXml", ConformanceProtocol.REST_XML);
        Member attribute = model.operation("XmlAttributes").input().member("attr");

        assertThat(attribute.xmlAttribute()).isTrue();
        assertThat(attribute.wireName()).isEqualTo("test");
    }

    @Test
    void errorShapesCarryStatusFaultAndQueryCode() {
        ServiceModel model = convert("aws.protocoltests.query#AwsQuery", ConformanceProtocol.AWS_QUERY);
        StructureShape custom = (StructureShape) model.shape("CustomCodeError");

        assertThat(custom.traits().error()).isEqualTo(new ErrorTrait("Customized", 402, true));
        assertThat(model.xmlNamespace()).isEqualTo("https://example.com/");
        assertThat(model.operation("SimpleScalarXmlProperties").resultWrapper()).isEqualTo("SimpleScalarXmlPropertiesResult");
    }

    @Test
    void jsonNamesApplyToRestJsonOnly() {
        ServiceModel restJson = convert("aws.protocoltests.restjson#RestJson", ConformanceProtocol.REST_JSON_1);
        ServiceModel awsJson = convert("aws.protocoltests.json10#JsonRpc10", ConformanceProtocol.AWS_JSON_1_0);

        assertThat(((StructureShape) restJson.shape("ComplexNestedErrorData")).member("Foo").wireName()).isEqualTo("Fooooo");
        assertThat(((StructureShape) awsJson.shape("ComplexNestedErrorData")).member("Foo").wireName()).isEqualTo("Foo");
    }
}
