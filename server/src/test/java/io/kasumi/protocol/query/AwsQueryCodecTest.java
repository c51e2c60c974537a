package io.kasumi.protocol.query;

import io.kasumi.api.AwsException;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ProtocolCodecs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsQueryCodecTest {
    private static final ServiceModel STS = ServiceModelLoader.loadResource("sts");
    private static final ServiceModel SNS = ServiceModelLoader.loadResource("sns");
    private static final ServiceModel IAM = ServiceModelLoader.loadResource("iam");
    private final ProtocolCodec codec = ProtocolCodecs.standard().byName("query");

    private static HttpRequest form(String body) {
        return HttpRequest.of("POST", "/", HttpHeaders.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(HttpResponse response) {
        return new String(response.bodyBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void resolvesOperationFromActionInFormBody() {
        assertThat(codec.resolveOperation(STS, form("Action=GetCallerIdentity&Version=2011-06-15")).name())
                .isEqualTo("GetCallerIdentity");
    }

    @Test
    void resolvesOperationFromActionInGetQueryString() {
        HttpRequest request = HttpRequest.of("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", new HttpHeaders(), null);
        assertThat(codec.resolveOperation(STS, request).name()).isEqualTo("GetCallerIdentity");
    }

    @Test
    void rejectsUnknownActionAsInvalidAction() {
        assertThatThrownBy(() -> codec.resolveOperation(STS, form("Action=AssumeNothing&Version=2011-06-15")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidAction");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("The action AssumeNothing is not valid for this web service.");
                });
    }

    @Test
    void rejectsRequestWithoutActionAsMissingAction() {
        assertThatThrownBy(() -> codec.resolveOperation(STS, form("Version=2011-06-15")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("MissingAction"));
    }

    @Test
    void rejectsBrokenPercentEncodingAsMalformedQueryString() {
        assertThatThrownBy(() -> codec.resolveOperation(STS, form("Action=GetCallerIdentity&RoleArn=%zz")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("MalformedQueryString"));
    }

    @Test
    void parsesAssumeRoleFormIntoTree() {
        HttpRequest request = form("Action=AssumeRole&Version=2011-06-15"
                + "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo&RoleSessionName=s+1&DurationSeconds=3600"
                + "&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FA"
                + "&PolicyArns.member.2.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FB"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=blue"
                + "&TransitiveTagKeys.member.1=team&Unknown=ignored");
        Map<String, Object> input = codec.parseRequest(STS, codec.resolveOperation(STS, request), request);

        assertThat(input).containsExactly(
                Map.entry("RoleArn", "arn:aws:iam::123456789012:role/demo"),
                Map.entry("RoleSessionName", "s 1"),
                Map.entry("PolicyArns", List.of(Map.of("arn", "arn:aws:iam::aws:policy/A"), Map.of("arn", "arn:aws:iam::aws:policy/B"))),
                Map.entry("DurationSeconds", 3600),
                Map.entry("Tags", List.of(Map.of("Key", "team", "Value", "blue"))),
                Map.entry("TransitiveTagKeys", List.of("team")));
    }

    @Test
    void ordersListItemsByIndexNotByText() {
        StringBuilder body = new StringBuilder("Action=AssumeRole&RoleArn=a&RoleSessionName=b");
        for (int i = 12; i >= 1; i--) {
            body.append("&TransitiveTagKeys.member.").append(i).append("=k").append(i);
        }
        HttpRequest request = form(body.toString());
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) codec.parseRequest(STS, STS.operation("AssumeRole"), request).get("TransitiveTagKeys");
        assertThat(keys).containsExactly("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11", "k12");
    }

    @Test
    void readsEmptyListMarker() {
        HttpRequest request = form("Action=AssumeRole&RoleArn=a&RoleSessionName=b&Tags=");
        assertThat(codec.parseRequest(STS, STS.operation("AssumeRole"), request)).containsEntry("Tags", List.of());
    }

    @Test
    void parsesMapsWithRenamedKeyAndValue() {
        HttpRequest request = form("Action=Publish&TopicArn=t&Message=hi"
                + "&MessageAttributes.entry.1.Name=color&MessageAttributes.entry.1.Value.DataType=String"
                + "&MessageAttributes.entry.1.Value.StringValue=red"
                + "&MessageAttributes.entry.2.Name=raw&MessageAttributes.entry.2.Value.DataType=Binary"
                + "&MessageAttributes.entry.2.Value.BinaryValue=AAEC");
        Map<String, Object> input = codec.parseRequest(SNS, SNS.operation("Publish"), request);

        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) input.get("MessageAttributes");
        assertThat(attributes).containsOnlyKeys("color", "raw");
        assertThat(attributes.get("color")).isEqualTo(Map.of("DataType", "String", "StringValue", "red"));
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) attributes.get("raw");
        assertThat((byte[]) raw.get("BinaryValue")).containsExactly(0, 1, 2);
    }

    @Test
    void parsesWrappedMapWithDefaultKeyAndValueNames() {
        HttpRequest request = form("Action=CreateTopic&Name=t"
                + "&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=Demo");
        assertThat(codec.parseRequest(SNS, SNS.operation("CreateTopic"), request))
                .containsEntry("Attributes", Map.of("DisplayName", "Demo"));
    }

    @Test
    void rejectsValueOfWrongTypeAsMalformedInput() {
        HttpRequest request = form("Action=AssumeRole&RoleArn=a&RoleSessionName=b&DurationSeconds=NaN");
        assertThatThrownBy(() -> codec.parseRequest(STS, STS.operation("AssumeRole"), request))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MalformedInput");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("DurationSeconds");
                });
    }

    @Test
    void serializesAssumeRoleOutputExactly() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("AssumedRoleUser", Map.of("AssumedRoleId", "AROA:s", "Arn", "arn:aws:sts::123456789012:assumed-role/demo/s"));
        output.put("Credentials", Map.of(
                "AccessKeyId", "ASIAEXAMPLE",
                "SecretAccessKey", "secret",
                "SessionToken", "token<&>",
                "Expiration", Instant.parse("2024-01-02T03:04:05Z")));
        output.put("PackedPolicySize", 6);

        HttpResponse response = codec.serializeResponse(STS, STS.operation("AssumeRole"), output, "req-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("Content-Type")).isEqualTo("text/xml");
        assertThat(text(response)).isEqualTo(
                "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                        + "<Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>"
                        + "<SessionToken>token&lt;&amp;></SessionToken><Expiration>2024-01-02T03:04:05Z</Expiration></Credentials>"
                        + "<AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId>"
                        + "<Arn>arn:aws:sts::123456789012:assumed-role/demo/s</Arn></AssumedRoleUser>"
                        + "<PackedPolicySize>6</PackedPolicySize>"
                        + "</AssumeRoleResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
                        + "</AssumeRoleResponse>");
    }

    @Test
    void serializesOperationWithoutOutputAsResponseMetadataOnly() {
        HttpResponse response = codec.serializeResponse(SNS, SNS.operation("DeleteTopic"), Map.of(), "req-2");
        assertThat(text(response)).isEqualTo("<DeleteTopicResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></DeleteTopicResponse>");
    }

    @Test
    void serializesWrappedListsAndMaps() {
        HttpResponse topics = codec.serializeResponse(SNS, SNS.operation("ListTopics"),
                Map.of("Topics", List.of(Map.of("TopicArn", "arn:1"), Map.of("TopicArn", "arn:2"))), "r");
        assertThat(text(topics)).contains("<ListTopicsResult><Topics><member><TopicArn>arn:1</TopicArn></member>"
                + "<member><TopicArn>arn:2</TopicArn></member></Topics></ListTopicsResult>");

        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Owner", "123");
        attributes.put("DisplayName", "Demo");
        HttpResponse attrs = codec.serializeResponse(SNS, SNS.operation("GetTopicAttributes"), Map.of("Attributes", attributes), "r");
        assertThat(text(attrs)).contains("<Attributes><entry><key>Owner</key><value>123</value></entry>"
                + "<entry><key>DisplayName</key><value>Demo</value></entry></Attributes>");
    }

    @Test
    void serializesModeledErrorWithItsQueryCodeAndStatus() {
        AwsException error = new AwsException("NoSuchEntityException", "The user with name bob cannot be found.", 404, true);
        HttpResponse response = codec.serializeError(IAM, IAM.operation("GetUser"), error, "req-3");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().first("Content-Type")).isEqualTo("text/xml");
        assertThat(text(response)).isEqualTo("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>"
                + "<Type>Sender</Type><Code>NoSuchEntity</Code><Message>The user with name bob cannot be found.</Message>"
                + "</Error><RequestId>req-3</RequestId></ErrorResponse>");
    }

    @Test
    void serializesUnmodeledServerErrorAsReceiver() {
        HttpResponse response = codec.serializeError(STS, null, AwsException.internal("boom"), "req-4");
        assertThat(response.status()).isEqualTo(500);
        assertThat(text(response)).contains("<Type>Receiver</Type><Code>InternalFailure</Code><Message>boom</Message>");
    }

    @Test
    void roundTripsTimestampsWithFractionalSeconds() {
        Instant created = Instant.parse("2020-05-06T07:08:09.123Z");
        HttpResponse response = codec.serializeResponse(IAM, IAM.operation("GetUser"), Map.of("User", Map.of(
                "Path", "/", "UserName", "bob", "UserId", "AID", "Arn", "arn:aws:iam::1:user/bob", "CreateDate", created)), "r");
        assertThat(text(response)).contains("<CreateDate>2020-05-06T07:08:09.123Z</CreateDate>");
    }
}
