package io.kasumi.protocol.xml;

import io.kasumi.api.AwsException;
import io.kasumi.api.StreamingBody;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ProtocolCodecs;
import io.kasumi.protocol.ResponseBody;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestXmlCodecTest {
    private static final ServiceModel S3 = ServiceModelLoader.loadResource("s3");
    private static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** A non-S3 rest-xml service: wrapped errors, header-bound error members, renamed roots. */
    private static final ServiceModel GREETER = XmlShapeReaderWriterTest.model("""
            {"metadata": {"protocol": "rest-xml", "apiVersion": "2019-12-16", "endpointPrefix": "greeter", "serviceId": "Greeter"},
             "operations": {
               "PutGreeting": {"name": "PutGreeting", "http": {"method": "PUT", "requestUri": "/greetings/{Id}", "responseCode": 201},
                 "input": {"shape": "PutGreetingRequest"}, "output": {"shape": "PutGreetingResponse"},
                 "errors": [{"shape": "ComplexError"}]},
               "GetLocation": {"name": "GetLocation", "http": {"method": "GET", "requestUri": "/location"},
                 "output": {"shape": "GetLocationOutput"}, "s3UnwrappedXmlOutput": true}
             },
             "shapes": {
               "PutGreetingRequest": {"type": "structure", "locationName": "Ahoy", "members": {
                 "Id": {"shape": "String", "location": "uri", "locationName": "Id"},
                 "Mood": {"shape": "String", "location": "header", "locationName": "X-Mood"},
                 "text": {"shape": "String"},
                 "when": {"shape": "Timestamp"}}},
               "PutGreetingResponse": {"type": "structure", "members": {
                 "Etag": {"shape": "String", "location": "header", "locationName": "ETag"},
                 "text": {"shape": "String"}}},
               "GetLocationOutput": {"type": "structure", "members": {"LocationConstraint": {"shape": "String"}}},
               "ComplexError": {"type": "structure", "error": {"httpStatusCode": 403}, "exception": true, "members": {
                 "Header": {"shape": "String", "location": "header", "locationName": "X-Header"},
                 "TopLevel": {"shape": "String"},
                 "Nested": {"shape": "Nested"}}},
               "Nested": {"type": "structure", "members": {"Foo": {"shape": "String"}}},
               "String": {"type": "string"}, "Timestamp": {"type": "timestamp"}
             }}
            """);

    private final ProtocolCodec codec = ProtocolCodecs.standard().byName("rest-xml");

    private static HttpRequest request(String method, String pathAndQuery, String body, String... headers) {
        return HttpRequest.of(method, pathAndQuery, HttpHeaders.of(headers), body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(HttpResponse response) {
        return new String(response.bodyBytes(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> parse(ServiceModel model, HttpRequest request) {
        return codec.parseRequest(model, codec.resolveOperation(model, request), request);
    }

    @Test
    void resolvesS3OperationsByMethodPathAndQuery() {
        assertThat(codec.resolveOperation(S3, request("GET", "/bucket/a/b.txt", null)).name()).isEqualTo("GetObject");
        assertThat(codec.resolveOperation(S3, request("GET", "/bucket?list-type=2", null)).name()).isEqualTo("ListObjectsV2");
        assertThat(codec.resolveOperation(S3, request("PUT", "/bucket?tagging", null)).name()).isEqualTo("PutBucketTagging");
    }

    @Test
    void readsStructurePayloadRootedAtItsOwnElement() {
        Map<String, Object> input = parse(S3, request("PUT", "/bucket?tagging", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <TagSet>
                    <Tag><Key>team</Key><Value>blue</Value></Tag>
                    <Tag><Key>env</Key><Value>  dev  </Value></Tag>
                  </TagSet>
                </Tagging>
                """, "Content-Type", "application/xml", "Content-MD5", "abc"));

        assertThat(input).containsEntry("Bucket", "bucket").containsEntry("ContentMD5", "abc");
        assertThat(input.get("Tagging")).isEqualTo(Map.of("TagSet", List.of(
                Map.of("Key", "team", "Value", "blue"), Map.of("Key", "env", "Value", "  dev  "))));
    }

    @Test
    void readsFlattenedListsNamedByTheStructureMember() {
        Map<String, Object> input = parse(S3, request("POST", "/bucket?delete",
                "<Delete><Object><Key>a</Key></Object><Object><Key>b</Key><VersionId>v1</VersionId></Object><Quiet>true</Quiet></Delete>"));
        assertThat(input.get("Delete")).isEqualTo(Map.of(
                "Objects", List.of(Map.of("Key", "a"), Map.of("Key", "b", "VersionId", "v1")),
                "Quiet", true));
    }

    @Test
    void leavesAbsentPayloadOut() {
        assertThat(parse(S3, request("PUT", "/bucket", ""))).containsExactly(Map.entry("Bucket", "bucket"));
    }

    @Test
    void streamsBlobPayloads() throws IOException {
        // PutObject, CopyObject and UploadPart share one URI template; routing them apart is not the codec's job
        HttpRequest request = request("PUT", "/bucket/key.txt", "hello",
                "Content-Type", "text/plain", "Content-Length", "5", "x-amz-meta-color", "red");
        Map<String, Object> input = codec.parseRequest(S3, S3.operation("PutObject"), request);
        assertThat(input).containsEntry("Key", "key.txt").containsEntry("Metadata", Map.of("color", "red"));
        StreamingBody body = (StreamingBody) input.get("Body");
        assertThat(body.length()).isEqualTo(5);
        assertThat(body.contentType()).isEqualTo("text/plain");
        try (InputStream in = body.stream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void readsBodyMembersInsideInputRootAlongsideBindings() {
        Map<String, Object> input = parse(GREETER, request("PUT", "/greetings/g1",
                "<Ahoy><text>hi</text><when>2014-04-29T18:30:38Z</when></Ahoy>", "X-Mood", "happy"));
        assertThat(input).containsExactly(
                Map.entry("Id", "g1"),
                Map.entry("Mood", "happy"),
                Map.entry("text", "hi"),
                Map.entry("when", Instant.parse("2014-04-29T18:30:38Z")));
    }

    @Test
    void rejectsMalformedXmlAsMalformedXml() {
        assertThatThrownBy(() -> parse(S3, request("PUT", "/bucket?tagging", "<Tagging><TagSet>")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MalformedXML");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void routesVirtualHostedS3RequestsAsPathStyle() {
        HttpRequest listing = request("GET", "/?list-type=2", null, "Host", "my.bucket.s3.localhost:4566");
        assertThat(codec.resolveOperation(S3, listing).name()).isEqualTo("ListObjectsV2");
        assertThat(parse(S3, listing)).containsEntry("Bucket", "my.bucket");

        HttpRequest tagging = request("DELETE", "/foo/bar/my%20key.txt?tagging", null,
                "Host", "mybucket.s3.dualstack.us-west-2.amazonaws.com");
        assertThat(codec.resolveOperation(S3, tagging).name()).isEqualTo("DeleteObjectTagging");
        assertThat(parse(S3, tagging)).containsEntry("Bucket", "mybucket").containsEntry("Key", "foo/bar/my key.txt");

        HttpRequest dotSegment = request("GET", "/../key.txt", null, "Host", "mybucket.s3.us-east-1.localhost");
        assertThat(parse(S3, dotSegment)).containsEntry("Bucket", "mybucket").containsEntry("Key", "../key.txt");

        HttpRequest bucketOnly = request("PUT", "/", null, "Host", "mybucket.s3-accelerate.amazonaws.com");
        assertThat(codec.resolveOperation(S3, bucketOnly).name()).isEqualTo("CreateBucket");
    }

    @Test
    void keepsPathStyleWhenTheHostNamesNoBucket() {
        HttpRequest get = request("GET", "/bucket/a/b.txt", null, "Host", "s3.localhost:4566");
        assertThat(parse(S3, get)).containsEntry("Bucket", "bucket").containsEntry("Key", "a/b.txt");
        assertThat(codec.resolveOperation(S3, request("GET", "/", null, "Host", "localhost:4566")).name())
                .isEqualTo("ListBuckets");
    }

    @Test
    void virtualHostsMeanNothingToOtherServices() {
        HttpRequest put = request("PUT", "/greetings/g1", null, "Host", "bucket.s3.localhost");
        assertThat(parse(GREETER, put)).containsEntry("Id", "g1");
    }

    @Test
    void toldApartS3OperationsSharingATemplateByCopySourceAndUploadId() {
        assertThat(codec.resolveOperation(S3, request("PUT", "/b/k", "data")).name()).isEqualTo("PutObject");
        assertThat(codec.resolveOperation(S3, request("PUT", "/b/k", null, "x-amz-copy-source", "src/k")).name())
                .isEqualTo("CopyObject");
        HttpRequest part = request("PUT", "/k?partNumber=3&uploadId=u1", "data", "Host", "b.s3.localhost");
        assertThat(codec.resolveOperation(S3, part).name()).isEqualTo("UploadPart");
        assertThat(parse(S3, part)).containsEntry("Bucket", "b").containsEntry("Key", "k")
                .containsEntry("PartNumber", 3).containsEntry("UploadId", "u1");
        HttpRequest partCopy = request("PUT", "/b/k?partNumber=3&uploadId=u1", null, "x-amz-copy-source", "src/k");
        assertThat(codec.resolveOperation(S3, partCopy).name()).isEqualTo("UploadPartCopy");
    }

    @Test
    void writesS3GetBucketLocationUnwrapped() {
        HttpResponse response = codec.serializeResponse(S3, S3.operation("GetBucketLocation"),
                Map.of("LocationConstraint", "us-west-2"), "r");
        assertThat(text(response)).isEqualTo(DECLARATION
                + "<LocationConstraint xmlns=\"" + S3_NS + "\">us-west-2</LocationConstraint>");

        HttpResponse usEast1 = codec.serializeResponse(S3, S3.operation("GetBucketLocation"), Map.of(), "r");
        assertThat(text(usEast1)).isEqualTo(DECLARATION + "<LocationConstraint xmlns=\"" + S3_NS + "\"></LocationConstraint>");
    }

    @Test
    void answersUnmatchedS3RequestsWithMethodNotAllowed() {
        assertThatThrownBy(() -> codec.resolveOperation(S3, request("PATCH", "/bucket", null)))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("MethodNotAllowed"));
    }

    @Test
    void writesS3ListingWithNamespaceFlattenedListsAndMillisecondTimestamps() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Key", "a&b.txt");
        object.put("LastModified", Instant.parse("2009-10-12T17:50:30Z"));
        object.put("ETag", "\"etag\"");
        object.put("Size", 5L);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("IsTruncated", false);
        output.put("Contents", List.of(object));
        output.put("Name", "bucket");
        output.put("CommonPrefixes", List.of(Map.of("Prefix", "p/"), Map.of("Prefix", "q/")));
        output.put("KeyCount", 1);
        output.put("RequestCharged", "requester");

        HttpResponse response = codec.serializeResponse(S3, S3.operation("ListObjectsV2"), output, "req-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().first("Content-Type")).isEqualTo("application/xml");
        assertThat(response.headers().first("x-amz-request-charged")).isEqualTo("requester");
        assertThat(response.headers().first("x-amz-request-id")).isEqualTo("req-1");
        assertThat(text(response)).isEqualTo(DECLARATION + "<ListObjectsV2Output xmlns=\"" + S3_NS + "\">"
                + "<IsTruncated>false</IsTruncated>"
                + "<Contents><Key>a&amp;b.txt</Key><LastModified>2009-10-12T17:50:30.000Z</LastModified>"
                + "<ETag>\"etag\"</ETag><Size>5</Size></Contents>"
                + "<Name>bucket</Name>"
                + "<CommonPrefixes><Prefix>p/</Prefix></CommonPrefixes><CommonPrefixes><Prefix>q/</Prefix></CommonPrefixes>"
                + "<KeyCount>1</KeyCount></ListObjectsV2Output>");
    }

    @Test
    void writesStructurePayloadAsItsOwnDocument() {
        HttpResponse response = codec.serializeResponse(S3, S3.operation("GetBucketPolicyStatus"),
                Map.of("PolicyStatus", Map.of("IsPublic", true)), "r");
        assertThat(text(response)).isEqualTo(DECLARATION + "<PolicyStatus xmlns=\"" + S3_NS + "\"><IsPublic>true</IsPublic></PolicyStatus>");
    }

    @Test
    void writesGranteeTypeAsNamespacedAttribute() {
        Map<String, Object> grantee = new LinkedHashMap<>();
        grantee.put("ID", "abc");
        grantee.put("Type", "CanonicalUser");
        HttpResponse response = codec.serializeResponse(S3, S3.operation("GetObjectAcl"), Map.of(
                "Owner", Map.of("ID", "abc"),
                "Grants", List.of(Map.of("Grantee", grantee, "Permission", "FULL_CONTROL"))), "r");
        assertThat(text(response)).contains("<AccessControlList><Grant>"
                + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>abc</ID></Grantee>"
                + "<Permission>FULL_CONTROL</Permission></Grant></AccessControlList>");
    }

    @Test
    void streamsBlobPayloadWithHeaderMembers() {
        StreamingBody body = new StreamingBody(InputStream.nullInputStream(), 0, null);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("Body", body);
        output.put("ContentType", "text/plain");
        output.put("ETag", "\"e\"");
        output.put("LastModified", Instant.parse("2015-01-25T08:00:00Z"));
        output.put("Metadata", Map.of("color", "red"));
        HttpResponse response = codec.serializeResponse(S3, S3.operation("GetObject"), output, "r");

        assertThat(response.body()).isInstanceOf(ResponseBody.Stream.class);
        assertThat(response.headers().first("Content-Type")).isEqualTo("text/plain");
        assertThat(response.headers().first("ETag")).isEqualTo("\"e\"");
        assertThat(response.headers().first("Last-Modified")).isEqualTo("Sun, 25 Jan 2015 08:00:00 GMT");
        assertThat(response.headers().first("x-amz-meta-color")).isEqualTo("red");
    }

    @Test
    void writesS3ErrorsUnwrappedWithExtraFields() {
        AwsException error = new AwsException("NoSuchBucket", "The specified bucket does not exist", 404, true,
                Map.of("BucketName", "missing"));
        HttpResponse response = codec.serializeError(S3, S3.operation("ListObjectsV2"), error, "req-9");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers().first("Content-Type")).isEqualTo("application/xml");
        assertThat(text(response)).isEqualTo(DECLARATION + "<Error><Code>NoSuchBucket</Code>"
                + "<Message>The specified bucket does not exist</Message><BucketName>missing</BucketName>"
                + "<RequestId>req-9</RequestId></Error>");
    }

    @Test
    void writesOtherServicesErrorsWrappedWithHeaderBoundMembers() {
        AwsException error = new AwsException("ComplexError", "Hi", 400, true,
                Map.of("Header", "Header", "TopLevel", "Top level", "Nested", Map.of("Foo", "bar")));
        HttpResponse response = codec.serializeError(GREETER, GREETER.operation("PutGreeting"), error, "foo-id");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers().first("X-Header")).isEqualTo("Header");
        assertThat(text(response)).isEqualTo(DECLARATION + "<ErrorResponse><Error><Type>Sender</Type><Code>ComplexError</Code>"
                + "<Message>Hi</Message><TopLevel>Top level</TopLevel><Nested><Foo>bar</Foo></Nested></Error>"
                + "<RequestId>foo-id</RequestId></ErrorResponse>");
    }

    @Test
    void writesOutputRootNamedAfterShapeWithModelStatus() {
        HttpResponse response = codec.serializeResponse(GREETER, GREETER.operation("PutGreeting"),
                Map.of("Etag", "e1", "text", "hello"), "r");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().first("ETag")).isEqualTo("e1");
        assertThat(text(response)).isEqualTo(DECLARATION + "<PutGreetingResponse><text>hello</text></PutGreetingResponse>");
    }

    @Test
    void writesUnwrappedOutputAsSingleRootElement() {
        HttpResponse response = codec.serializeResponse(GREETER, GREETER.operation("GetLocation"),
                Map.of("LocationConstraint", "us-west-2"), "r");
        assertThat(text(response)).isEqualTo(DECLARATION + "<LocationConstraint>us-west-2</LocationConstraint>");
    }
}
