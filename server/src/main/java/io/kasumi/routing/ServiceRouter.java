package io.kasumi.routing;

import io.kasumi.protocol.HttpRequest;
import io.kasumi.services.ServiceCatalog;
import io.kasumi.services.ServiceInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which service a request is for, from the strongest evidence to the weakest:
 * X-Amz-Target, the rpc-v2-cbor path, the SigV4 credential scope, the Host, the query
 * protocol's Action and Version, and finally anonymous path-style S3.
 */
public final class ServiceRouter {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/([^/,\\s]+)/aws4_request");
    private static final Pattern QUERY_SCOPE = Pattern.compile("^[^/]+/\\d{8}/[^/]+/([^/]+)/aws4_request$");
    private static final Pattern CBOR_PATH = Pattern.compile("(?:.*)/service/([^/]+)/operation/[^/]+$");
    private static final Set<String> HOST_PREFIXES = Set.of("sync-", "stream-", "data-", "streaming-", "runtime-", "api-");

    private final Map<String, ServiceInfo> byTargetPrefix = new HashMap<>();
    private final Map<String, List<ServiceInfo>> bySigningName = new HashMap<>();
    private final Map<String, ServiceInfo> byEndpointPrefix = new HashMap<>();
    private final Map<String, ServiceInfo> queryByVersion = new HashMap<>();
    private final ServiceCatalog catalog;

    public ServiceRouter(ServiceCatalog catalog) {
        this.catalog = catalog;
        for (ServiceInfo info : catalog.services()) {
            if (info.targetPrefix() != null) {
                byTargetPrefix.put(info.targetPrefix(), info);
            }
            bySigningName.merge(info.signingName(), List.of(info), (a, b) -> concat(a, b));
            byEndpointPrefix.putIfAbsent(info.endpointPrefix(), info);
            if (info.speaks("query")) {
                queryByVersion.put(info.apiVersion(), info);
            }
        }
    }

    private static List<ServiceInfo> concat(List<ServiceInfo> a, List<ServiceInfo> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The service the request names, if any. */
    public Optional<ServiceInfo> route(HttpRequest request) {
        String target = request.headers().first("X-Amz-Target");
        if (target != null) {
            int dot = target.lastIndexOf('.');
            ServiceInfo info = byTargetPrefix.get(dot < 0 ? target : target.substring(0, dot));
            // a target names a json service; an unknown one must not fall through to S3
            return Optional.ofNullable(info);
        }
        if ("rpc-v2-cbor".equals(request.headers().first("smithy-protocol"))) {
            Matcher m = CBOR_PATH.matcher(request.rawPath());
            if (m.matches() && byTargetPrefix.containsKey(m.group(1))) {
                return Optional.of(byTargetPrefix.get(m.group(1)));
            }
        }
        String signingName = signingName(request);
        if (signingName != null && bySigningName.containsKey(signingName)) {
            return Optional.of(disambiguate(bySigningName.get(signingName), request));
        }
        Optional<ServiceInfo> byHost = fromHost(request.host());
        if (byHost.isPresent()) {
            return byHost;
        }
        String version = formParameter(request, "Version");
        if (version != null && formParameter(request, "Action") != null && queryByVersion.containsKey(version)) {
            return Optional.of(queryByVersion.get(version));
        }
        return Optional.ofNullable(catalog.info("s3"));
    }

    /** The service named in the SigV4 credential scope (header or presigned query), or null. */
    static String signingName(HttpRequest request) {
        String authorization = request.headers().first("Authorization");
        if (authorization != null) {
            Matcher m = SCOPE.matcher(authorization);
            return m.find() ? m.group(1) : null;
        }
        String credential = request.queryParameter("X-Amz-Credential");
        if (credential != null) {
            Matcher m = QUERY_SCOPE.matcher(credential);
            return m.matches() ? m.group(1) : null;
        }
        return null;
    }

    /** Services sharing a signing name: API Gateway v1 and v2, DynamoDB and its streams. */
    private ServiceInfo disambiguate(List<ServiceInfo> candidates, HttpRequest request) {
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        String path = request.rawPath();
        for (ServiceInfo info : candidates) {
            if (info.name().equals("apigatewayv2") && path.startsWith("/v2/")) {
                return info;
            }
        }
        return candidates.stream()
                .filter(info -> !info.name().equals("apigatewayv2") && !info.name().equals("dynamodbstreams"))
                .findFirst()
                .orElse(candidates.getFirst());
    }

    /** Virtual-host S3 (bucket.s3.localhost, bucket.s3.REGION.localhost, s3-website) and SERVICE.REGION.localhost. */
    Optional<ServiceInfo> fromHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        for (String label : labels) {
            if (label.equals("s3") || label.startsWith("s3-website")) {
                return Optional.ofNullable(catalog.info("s3"));
            }
        }
        if (labels.length >= 2) {
            String first = labels[0];
            for (String prefix : HOST_PREFIXES) {
                if (first.startsWith(prefix)) {
                    first = first.substring(prefix.length());
                }
            }
            return Optional.ofNullable(byEndpointPrefix.get(first));
        }
        return Optional.empty();
    }

    /** A query-protocol parameter from the URL or, for form posts, the body. */
    private static String formParameter(HttpRequest request, String name) {
        String value = request.queryParameter(name);
        if (value != null) {
            return value;
        }
        String contentType = request.headers().first("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            List<String> values = HttpRequest.parseForm(new String(request.bodyBytes(), java.nio.charset.StandardCharsets.UTF_8)).get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
        return null;
    }
}
