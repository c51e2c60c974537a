package io.kasumi.services;

import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;

import java.util.Set;
import java.util.function.Function;

/**
 * The part of a service that answers its users' own traffic rather than the AWS API: API
 * Gateway's {@code ID.execute-api.localhost}, Lambda function URLs, S3 website endpoints.
 * Requests whose Host has one of the labels (exactly, or followed by {@code -}, as in
 * {@code s3-website-us-east-1}) go to the handler, CORS preflights included, before any API routing.
 *
 * @param hostLabels e.g. {@code execute-api}
 */
public record DataPlane(Set<String> hostLabels, Function<HttpRequest, HttpResponse> handler) {

    public DataPlane {
        hostLabels = Set.copyOf(hostLabels);
    }
}
