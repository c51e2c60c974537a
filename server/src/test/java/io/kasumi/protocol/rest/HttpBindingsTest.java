package io.kasumi.protocol.rest;

import io.kasumi.api.AwsException;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpBindingsTest {
    private static final ServiceModel S3 = ServiceModelLoader.loadResource("s3");
    private static final ServiceModel LAMBDA = ServiceModelLoader.loadResource("lambda");
    private final HttpBindings s3 = new HttpBindings(S3);
    private final HttpBindings lambda = new HttpBindings(LAMBDA);

    private static HttpRequest request(String method, String pathAndQuery, String... headers) {
        return HttpRequest.of(method, pathAndQuery, HttpHeaders.of(headers), new byte[0]);
    }

    private String s3Operation(String method, String pathAndQuery) {
        return s3.match(request(method, pathAndQuery)).map(Operation::name).orElse(null);
    }

    @Test
    void choosesTheMostSpecificS3Route() {
        assertThat(s3Operation("GET", "/bucket")).isEqualTo("ListObjects");
        assertThat(s3Operation("GET", "/bucket?list-type=2&prefix=a")).isEqualTo("ListObjectsV2");
        assertThat(s3Operation("GET", "/bucket?tagging")).isEqualTo("GetBucketTagging");
        assertThat(s3Operation("GET", "/bucket/a/b.txt")).isEqualTo("GetObject");
        assertThat(s3Operation("GET", "/bucket/a/b.txt?tagging")).isEqualTo("GetObjectTagging");
        assertThat(s3Operation("POST", "/bucket/key?uploads")).isEqualTo("CreateMultipartUpload");
        assertThat(s3Operation("PUT", "/bucket")).isEqualTo("CreateBucket");
        assertThat(s3Operation("PATCH", "/bucket")).isNull();
    }

    @Test
    void sharedS3TemplatesAreToldApartByHeadersAndQueryKeys() {
        assertThat(s3Operation("PUT", "/bucket/key")).isEqualTo("PutObject");
        assertThat(s3.match(request("PUT", "/bucket/key", "x-amz-copy-source", "/src/k")).map(Operation::name))
                .hasValue("CopyObject");
        assertThat(s3Operation("PUT", "/bucket/key?partNumber=2&uploadId=u1")).isEqualTo("UploadPart");
        assertThat(s3.match(request("PUT", "/bucket/key?partNumber=2&uploadId=u1", "x-amz-copy-source", "/src/k"))
                .map(Operation::name)).hasValue("UploadPartCopy");
        assertThat(s3Operation("DELETE", "/bucket/key")).isEqualTo("DeleteObject");
        assertThat(s3Operation("DELETE", "/bucket/key?uploadId=u1")).isEqualTo("AbortMultipartUpload");
        assertThat(s3Operation("GET", "/bucket/key")).isEqualTo("GetObject");
        assertThat(s3Operation("GET", "/bucket/key?uploadId=u1")).isEqualTo("ListParts");
        assertThat(s3Operation("GET", "/bucket?metrics")).isEqualTo("ListBucketMetricsConfigurations");
        assertThat(s3Operation("GET", "/bucket?metrics&id=m1")).isEqualTo("GetBucketMetricsConfiguration");
        assertThat(s3Operation("GET", "/")).isEqualTo("ListBuckets");
    }

    @Test
    void deprecatedOperationLosesATieWithItsReplacement() {
        assertThat(s3Operation("GET", "/bucket?lifecycle")).isEqualTo("GetBucketLifecycleConfiguration");
        assertThat(s3Operation("PUT", "/bucket?notification")).isEqualTo("PutBucketNotificationConfiguration");
    }

    @Test
    void requestMatchRequiresHeadersQueryKeysAndHostLabels() {
        HttpBindings bindings = new HttpBindings(ServiceModelLoader.fromTree("test", Map.of(
                "metadata", Map.of("protocol", "rest-json", "serviceId", "Test"),
                "operations", Map.of(
                        "Plain", operation("Plain", Map.of()),
                        "WithHeader", operation("WithHeader", Map.of("headers", List.of("X-Copy"))),
                        "WithHeaderAndQuery", operation("WithHeaderAndQuery",
                                Map.of("headers", List.of("x-copy"), "query", List.of("part"))),
                        "OnControlHost", operation("OnControlHost", Map.of("hostLabels", List.of("control")))),
                "shapes", Map.of())));

        assertThat(bindings.match(request("PUT", "/things/t")).map(Operation::name)).hasValue("Plain");
        assertThat(bindings.match(request("PUT", "/things/t?part=1")).map(Operation::name)).hasValue("Plain");
        assertThat(bindings.match(request("PUT", "/things/t", "X-COPY", "a")).map(Operation::name)).hasValue("WithHeader");
        assertThat(bindings.match(request("PUT", "/things/t?part", "x-copy", "a")).map(Operation::name))
                .hasValue("WithHeaderAndQuery");
        assertThat(bindings.match(request("PUT", "/things/t", "Host", "api.control.localhost")).map(Operation::name))
                .hasValue("OnControlHost");
    }

    private static Map<String, Object> operation(String name, Map<String, Object> requestMatch) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("name", name);
        def.put("http", Map.of("method", "PUT", "requestUri", "/things/{Id}"));
        if (!requestMatch.isEmpty()) {
            def.put(RequestMatch.KEY, requestMatch);
        }
        return def;
    }

    @Test
    void literalQueryValueSelectsLambdaListOperation() {
        Operation list = lambda.match(request("GET", "/2019-09-30/functions/f/provisioned-concurrency?List=ALL")).orElseThrow();
        Operation get = lambda.match(request("GET", "/2019-09-30/functions/f/provisioned-concurrency?Qualifier=1")).orElseThrow();
        assertThat(list.name()).isEqualTo("ListProvisionedConcurrencyConfigs");
        assertThat(get.name()).isEqualTo("GetProvisionedConcurrencyConfig");
    }

    @Test
    void readsLabelsQueryAndHeaders() {
        Operation invoke = LAMBDA.operation("Invoke");
        HttpRequest request = request("POST", "/2015-03-31/functions/my%3Afn/invocations?Qualifier=%24LATEST",
                "X-Amz-Invocation-Type", "Event", "X-Amz-Log-Type", "Tail");
        Map<String, Object> values = lambda.readRequestBindings(invoke, request);
        assertThat(values).containsEntry("FunctionName", "my:fn")
                .containsEntry("Qualifier", "$LATEST")
                .containsEntry("InvocationType", "Event")
                .containsEntry("LogType", "Tail")
                .doesNotContainKey("Payload");
    }

    @Test
    void readsTypedQueryAndHeaderValues() {
        Operation listV2 = S3.operation("ListObjectsV2");
        Map<String, Object> values = s3.readRequestBindings(listV2,
                request("GET", "/b?list-type=2&max-keys=50&fetch-owner=true&prefix=a%2Fb"));
        assertThat(values).containsEntry("MaxKeys", 50).containsEntry("FetchOwner", true).containsEntry("Prefix", "a/b");

        Operation getObject = S3.operation("GetObject");
        Map<String, Object> get = s3.readRequestBindings(getObject,
                request("GET", "/b/k", "If-Modified-Since", "Mon, 16 Dec 2019 23:48:18 GMT"));
        assertThat(get).containsEntry("IfModifiedSince", Instant.ofEpochSecond(1576540098)).containsEntry("Key", "k");
    }

    @Test
    void rejectsMalformedBoundValues() {
        Operation listV2 = S3.operation("ListObjectsV2");
        assertThatThrownBy(() -> s3.readRequestBindings(listV2, request("GET", "/b?list-type=2&max-keys=1.5")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));
    }

    @Test
    void collectsPrefixHeadersIntoAMap() {
        Operation put = S3.operation("PutObject");
        Map<String, Object> values = s3.readRequestBindings(put,
                request("PUT", "/b/k", "x-amz-meta-Color", "blue", "x-amz-meta-size", "L", "x-amz-acl", "private"));
        assertThat(values.get("Metadata")).isEqualTo(Map.of("Color", "blue", "size", "L"));
        assertThat(values).containsEntry("ACL", "private");
    }

    @Test
    void writesHeadersPrefixHeadersAndStatus() {
        var output = S3.operation("GetObject").output();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ContentLength", 12L);
        values.put("LastModified", Instant.ofEpochSecond(1576540098));
        values.put("Metadata", Map.of("color", "blue"));
        values.put("ETag", "\"abc\"");
        HttpHeaders headers = new HttpHeaders();
        HttpBindings.writeHeaders(output, values, headers);
        assertThat(headers.first("Content-Length")).isEqualTo("12");
        assertThat(headers.first("Last-Modified")).isEqualTo("Mon, 16 Dec 2019 23:48:18 GMT");
        assertThat(headers.first("x-amz-meta-color")).isEqualTo("blue");
        assertThat(headers.first("ETag")).isEqualTo("\"abc\"");

        var invokeOutput = LAMBDA.operation("Invoke").output();
        assertThat(HttpBindings.statusCode(invokeOutput, Map.of("StatusCode", 202), 200)).isEqualTo(202);
        assertThat(HttpBindings.statusCode(invokeOutput, Map.of(), 200)).isEqualTo(200);
    }

    @Test
    void cacheBuildsBindingsOncePerModel() {
        HttpBindingsCache cache = new HttpBindingsCache();
        assertThat(cache.of(S3)).isSameAs(cache.of(S3)).isNotSameAs(cache.of(LAMBDA));
    }

    @Test
    void headerListsOfStringsAreSplit() {
        assertThat(HeaderLists.split("a, b", false)).isEqualTo(List.of("a", "b"));
    }
}
