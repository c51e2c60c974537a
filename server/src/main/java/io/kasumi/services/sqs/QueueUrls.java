package io.kasumi.services.sqs;

import io.kasumi.api.RequestContext;
import io.kasumi.api.sqs.InvalidAddressException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reads queue URLs in every form clients hold them: {@code http://localhost:4566/ACCOUNT/NAME},
 * {@code http://sqs.REGION.localhost:4566/ACCOUNT/NAME} or AWS's own hosts. The account and name
 * come from the path; the region from an {@code sqs.REGION.} host, else the request's region.
 */
final class QueueUrls {

    static QueueId parse(RequestContext context, String queueUrl) {
        URI uri;
        try {
            uri = new URI(queueUrl.trim());
        } catch (URISyntaxException e) {
            throw invalid(queueUrl);
        }
        String path = uri.getPath();
        if (path == null) {
            throw invalid(queueUrl);
        }
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        if (segments.length != 2 || !segments[0].matches("\\d{12}") || segments[1].isEmpty()) {
            throw invalid(queueUrl);
        }
        return new QueueId(segments[0], region(uri.getHost(), context.region()), segments[1]);
    }

    private static String region(String host, String fallback) {
        if (host != null) {
            String[] labels = host.split("\\.");
            if (labels.length >= 3 && labels[0].equals("sqs") && labels[1].matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                return labels[1];
            }
        }
        return fallback;
    }

    private static InvalidAddressException invalid(String queueUrl) {
        return new InvalidAddressException("The address " + queueUrl + " is not valid for this endpoint.");
    }

    private QueueUrls() {
    }
}
