package io.kasumi.bench;

import software.amazon.awssdk.core.sync.RequestBody;

import java.util.concurrent.ThreadLocalRandom;

/** S3 GetObject of fixed-size objects, read whole, from a bucket of 100 such objects. */
record S3GetWorkload(String name, int size) implements Workload {
    private static final int OBJECTS = 100;

    @Override
    public String service() {
        return "s3";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        S3Buckets.Bucket bucket = S3Buckets.create(sdk, "bench-get");
        byte[] body = S3Buckets.body(size);
        for (int i = 0; i < OBJECTS; i++) {
            String key = "k/" + i;
            sdk.s3().putObject(b -> b.bucket(bucket.name()).key(key), RequestBody.fromBytes(body));
        }
        return new Run() {
            @Override
            public int execute() {
                byte[] read = sdk.s3().getObjectAsBytes(b -> b.bucket(bucket.name())
                        .key("k/" + ThreadLocalRandom.current().nextInt(OBJECTS))).asByteArrayUnsafe();
                if (read.length != size) {
                    throw new IllegalStateException("read " + read.length + " bytes, expected " + size);
                }
                return 1;
            }

            @Override
            public void close() {
                bucket.close();
            }
        };
    }
}
