package io.kasumi.protocol.query;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EC2 is not vendored; this model copies the shape of DescribeInstances in miniature. */
class Ec2QueryCodecTest {
    private static final ServiceModel EC2 = model("""
            {"metadata": {"protocol": "ec2", "apiVersion": "2016-11-15", "endpointPrefix": "ec2", "serviceId": "EC2",
                          "xmlNamespace": "http://ec2.amazonaws.com/doc/2016-11-15/"},
             "operations": {
               "DescribeInstances": {"name": "DescribeInstances", "http": {"method": "POST", "requestUri": "/"},
                 "input": {"shape": "DescribeInstancesRequest"}, "output": {"shape": "DescribeInstancesResult"}},
               "RebootInstances": {"name": "RebootInstances", "http": {"method": "POST", "requestUri": "/"},
                 "input": {"shape": "RebootInstancesRequest"}}
             },
             "shapes": {
               "DescribeInstancesRequest": {"type": "structure", "members": {
                 "Filters": {"shape": "FilterList", "locationName": "Filter"},
                 "InstanceIds": {"shape": "InstanceIdStringList", "locationName": "InstanceId"},
                 "DryRun": {"shape": "Boolean", "locationName": "dryRun"},
                 "MaxResults": {"shape": "Integer", "queryName": "MaxCount", "locationName": "maxResults"},
                 "nextToken": {"shape": "String"}
               }},
               "RebootInstancesRequest": {"type": "structure", "members": {
                 "InstanceIds": {"shape": "InstanceIdStringList", "locationName": "InstanceId"}}},
               "FilterList": {"type": "list", "member": {"shape": "Filter", "locationName": "Filter"}},
               "Filter": {"type": "structure", "members": {
                 "Name": {"shape": "String"},
                 "Values": {"shape": "ValueStringList", "locationName": "Value"}}},
               "ValueStringList": {"type": "list", "member": {"shape": "String", "locationName": "item"}},
               "InstanceIdStringList": {"type": "list", "member": {"shape": "String", "locationName": "InstanceId"}},
               "DescribeInstancesResult": {"type": "structure", "members": {
                 "Reservations": {"shape": "ReservationList", "locationName": "reservationSet"},
                 "NextToken": {"shape": "String", "locationName": "nextToken"}}},
               "ReservationList": {"type": "list", "member": {"shape": "Reservation", "locationName": "item"}},
               "Reservation": {"type": "structure", "members": {
                 "ReservationId": {"shape": "String", "locationName": "reservationId"}}},
               "String": {"type": "string"}, "Boolean": {"type": "boolean"}, "Integer": {"type": "integer"}
             }}
            """);
    private final ProtocolCodec codec = ProtocolCodecs.standard().byName("ec2");

    @SuppressWarnings("unchecked")
    private static ServiceModel model(String json) {
        try {
            return ServiceModelLoader.fromTree("ec2", new ObjectMapper().readValue(json, LinkedHashMap.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest form(String body) {
        return HttpRequest.of("POST", "/", HttpHeaders.of("Content-Type", "application/x-www-form-urlencoded"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(HttpResponse response) {
        return new String(response.bodyBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void parsesFlattenedListsUnderCapitalisedLocationNames() {
        HttpRequest request = form("Action=DescribeInstances&Version=2016-11-15"
                + "&InstanceId.1=i-1&InstanceId.2=i-2"
                + "&Filter.1.Name=instance-state-name&Filter.1.Value.1=running&Filter.1.Value.2=pending"
                + "&DryRun=true&MaxCount=5&NextToken=abc");
        Map<String, Object> input = codec.parseRequest(EC2, codec.resolveOperation(EC2, request), request);

        assertThat(input).containsExactly(
                Map.entry("Filters", List.of(Map.of("Name", "instance-state-name", "Values", List.of("running", "pending")))),
                Map.entry("InstanceIds", List.of("i-1", "i-2")),
                Map.entry("DryRun", true),
                Map.entry("MaxResults", 5),
                Map.entry("nextToken", "abc"));
    }

    @Test
    void ignoresWrappedListSyntaxOfAwsQuery() {
        HttpRequest request = form("Action=RebootInstances&InstanceId.member.1=i-1");
        assertThat(codec.parseRequest(EC2, EC2.operation("RebootInstances"), request)).isEmpty();
    }

    @Test
    void rejectsUnknownActionAsInvalidAction() {
        assertThatThrownBy(() -> codec.resolveOperation(EC2, form("Action=DescribeNothing&Version=2016-11-15")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("The action DescribeNothing is not valid for this web service."));
    }

    @Test
    void serializesMembersDirectlyUnderResponseWithRequestId() {
        HttpResponse response = codec.serializeResponse(EC2, EC2.operation("DescribeInstances"),
                Map.of("Reservations", List.of(Map.of("ReservationId", "r-1"))), "req-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("Content-Type")).isEqualTo("text/xml;charset=UTF-8");
        assertThat(text(response)).isEqualTo("<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<reservationSet><item><reservationId>r-1</reservationId></item></reservationSet>"
                + "<requestId>req-1</requestId></DescribeInstancesResponse>");
    }

    @Test
    void serializesOperationWithoutOutputAsRequestIdOnly() {
        HttpResponse response = codec.serializeResponse(EC2, EC2.operation("RebootInstances"), Map.of(), "req-2");
        assertThat(text(response)).isEqualTo("<RebootInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>req-2</requestId></RebootInstancesResponse>");
    }

    @Test
    void serializesErrorsInEc2Envelope() {
        AwsException error = AwsException.sender("InvalidInstanceID.NotFound", "The instance ID 'i-1' does not exist");
        HttpResponse response = codec.serializeError(EC2, EC2.operation("DescribeInstances"), error, "req-3");

        assertThat(response.status()).isEqualTo(400);
        assertThat(text(response)).isEqualTo("<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code>"
                + "<Message>The instance ID 'i-1' does not exist</Message></Error></Errors>"
                + "<RequestID>req-3</RequestID></Response>");
    }
}
