package io.kasumi.bench;

import software.amazon.awssdk.core.sync.RequestBody;

/** S3 ListObjectsV2 of a bucket holding 1,000 keys: one page of 1,000 per operation. */
record S3ListWorkload() implements Workload {
    private static final int KEYS = 1000;

    @Override
    public String name() {
        return "s3-list-1000";
    }

    @Override
    public String service() {
        return "s3";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        S3Buckets.Bucket bucket = S3Buckets.create(sdk, "bench-list");
        for (int i = 0; i < KEYS; i++) {
            String key = "logs/2026/11/%04d.json".formatted(i);
            sdk.s3().putObject(b -> b.bucket(bucket.name()).key(key), RequestBody.fromString("{}"));
        }
        return new Run() {
            @Override
            public int execute() {
                int count = sdk.s3().listObjectsV2(b -> b.bucket(bucket.name()).maxKeys(KEYS)).keyCount();
                if (count != KEYS) {
                    throw new IllegalStateException("listed " + count + " keys, expected " + KEYS);
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
