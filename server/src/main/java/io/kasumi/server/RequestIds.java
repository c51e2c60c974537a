package io.kasumi.server;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Request ids in AWS's shapes: UUIDs for most services, S3's 16 hex digits and base64 host id. */
final class RequestIds {
    private final SecureRandom random = new SecureRandom();

    String next() {
        return UUID.randomUUID().toString();
    }

    /** S3's x-amz-request-id: 16 upper-case hex digits. */
    String s3RequestId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** S3's x-amz-id-2: an opaque base64 host id. */
    String s3HostId() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
