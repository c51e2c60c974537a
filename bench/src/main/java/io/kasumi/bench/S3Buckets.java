package io.kasumi.bench;

import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.List;
import java.util.Random;

/** Buckets the S3 workloads make and empty again afterwards. */
final class S3Buckets {

    /** A bucket that deletes its objects, then itself, when closed. */
    record Bucket(SdkClients sdk, String name) implements AutoCloseable {
        @Override
        public void close() {
            for (var page : sdk.s3().listObjectsV2Paginator(b -> b.bucket(name))) {
                List<ObjectIdentifier> keys = page.contents().stream().map(S3Object::key)
                        .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
                if (!keys.isEmpty()) {
                    sdk.s3().deleteObjects(b -> b.bucket(name).delete(d -> d.objects(keys).quiet(true)));
                }
            }
            sdk.s3().deleteBucket(b -> b.bucket(name));
        }
    }

    static Bucket create(SdkClients sdk, String prefix) {
        String name = prefix + "-" + System.nanoTime();
        sdk.s3().createBucket(b -> b.bucket(name));
        return new Bucket(sdk, name);
    }

    /** Random bytes, so no layer can shortcut a run of equal bytes. */
    static byte[] body(int size) {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        return body;
    }

    private S3Buckets() {
    }
}
