package io.kasumi.protocol.xml;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * S3's virtual-hosted-style addressing: the Host names the bucket and the path is the key, as in
 * {@code my.bucket.s3.localhost:4566/photos/cat.jpg}. Such a request is routed as the path-style
 * request it stands for ({@code /my.bucket/photos/cat.jpg}), so one route table serves both.
 *
 * <p>The bucket is everything left of the rightmost S3 endpoint label: {@code s3},
 * {@code s3-accelerate}, {@code s3-fips}, {@code s3-website[-REGION]}, {@code s3-external-1}, the
 * legacy {@code s3-REGION} and S3 Express's zonal {@code s3express-AZ}. Taking the rightmost one
 * keeps bucket names that contain dots, even a label "s3", whole; endpoints of other services
 * ({@code s3-control}, {@code s3-object-lambda}, {@code s3express-control}) name no bucket.
 */
final class S3VirtualHost {
    private static final Pattern ENDPOINT_LABEL = Pattern.compile(
            "s3(-accelerate|-fips|-website(-[a-z0-9-]+)?|-external-\\d+|-[a-z]{2}(-gov)?-[a-z]+-\\d+)?"
                    + "|s3express-(?!control$)[a-z0-9-]+");

    private S3VirtualHost() {
    }

    /** The bucket a Host header (port allowed) names, or null for path-style hosts. */
    static String bucket(String host) {
        if (host == null || host.isEmpty() || host.startsWith("[")) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        String[] labels = name.split("\\.");
        for (int i = labels.length - 1; i > 0; i--) {
            if (ENDPOINT_LABEL.matcher(labels[i]).matches()) {
                String bucket = String.join(".", Arrays.copyOfRange(labels, 0, i));
                return bucket.isEmpty() || bucket.startsWith(".") || bucket.endsWith(".") ? null : bucket;
            }
        }
        return null;
    }

    /**
     * The path-style path of a virtual-hosted request: {@code /BUCKET} followed by the raw path,
     * kept as sent so a key such as {@code ../key.txt} or {@code /leading-slash} survives.
     */
    static String pathStyle(String bucket, String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/" + bucket;
        }
        return "/" + bucket + (rawPath.startsWith("/") ? rawPath : "/" + rawPath);
    }
}
