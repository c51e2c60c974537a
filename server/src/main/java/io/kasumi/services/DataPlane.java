package io.kasumi.services;

import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;

import java.util.Set;
import java.util.function.Function;

/**
 * The part of a service that answers its users' own traffic rather than the AWS API: API
 * Gateway's {@code ID.execute-api.localhost}, Lambda function URLs, S3 website endpoints.
 * Requests whose Host has one of the labels (exactly, or followed by {@code -}, as in
 * {@code s3-website-us-east-1}), or whose path starts with one of the path prefixes (the
 * path-style form for clients that cannot set a Host, e.g. {@code /_aws/execute-api/}), go to
 * the handler, CORS preflights included, before any API routing.
 *
 * @param hostLabels   e.g. {@code execute-api}
 * @param pathPrefixes under {@code /_aws/}, e.g. {@code /_aws/execute-api/}; the handler sees the path unchanged
 */
public record DataPlane(Set<String> hostLabels, Set<String> pathPrefixes, Function<HttpRequest, HttpResponse> handler) {

    public DataPlane {
        hostLabels = Set.copyOf(hostLabels);
        pathPrefixes = Set.copyOf(pathPrefixes);
    }
}
