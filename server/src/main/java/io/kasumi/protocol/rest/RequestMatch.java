package io.kasumi.protocol.rest;

import io.kasumi.model.Operation;
import io.kasumi.protocol.HttpRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a request must carry, beyond its method and URI template, to name an operation: for
 * operations that share one template, as S3's {@code PUT /{Bucket}/{Key+}} is PutObject, but
 * CopyObject with {@code x-amz-copy-source} and UploadPart with {@code partNumber} and
 * {@code uploadId}. botocore's models drop the {@code ?x-id=} literals that tell such operations
 * apart in Smithy, so the model patches restore the distinction with an operation key (a Kasumi
 * extension of the botocore format):
 * <pre>{@code "requestMatch": {"headers": ["x-amz-copy-source"], "query": ["partNumber"], "hostLabels": ["s3express-control"]}}</pre>
 *
 * @param headers header names the request must carry (case-insensitive)
 * @param queryKeys query parameter names it must carry, with or without a value
 * @param hostLabels labels its Host must contain, e.g. the endpoint a control-plane call goes to
 */
public record RequestMatch(List<String> headers, List<String> queryKeys, List<String> hostLabels) {
    /** The operation key holding the requirements. */
    public static final String KEY = "requestMatch";
    public static final RequestMatch NONE = new RequestMatch(List.of(), List.of(), List.of());

    public RequestMatch {
        headers = List.copyOf(headers);
        queryKeys = List.copyOf(queryKeys);
        hostLabels = hostLabels.stream().map(label -> label.toLowerCase(Locale.ROOT)).toList();
    }

    /** The operation's requirements, {@link #NONE} when the model states none. */
    public static RequestMatch of(Operation operation) {
        if (!(operation.raw().get(KEY) instanceof Map<?, ?> def)) {
            return NONE;
        }
        return new RequestMatch(strings(def.get("headers")), strings(def.get("query")), strings(def.get("hostLabels")));
    }

    /** How many requirements there are: an operation with more is the more specific match. */
    public int size() {
        return headers.size() + queryKeys.size() + hostLabels.size();
    }

    public boolean matches(HttpRequest request) {
        for (String header : headers) {
            if (!request.headers().contains(header)) {
                return false;
            }
        }
        Map<String, List<String>> query = request.queryParameters();
        for (String key : queryKeys) {
            if (!query.containsKey(key)) {
                return false;
            }
        }
        if (!hostLabels.isEmpty()) {
            List<String> labels = request.host() == null ? List.of()
                    : List.of(request.host().toLowerCase(Locale.ROOT).split("\\."));
            return labels.containsAll(hostLabels);
        }
        return true;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }
}
