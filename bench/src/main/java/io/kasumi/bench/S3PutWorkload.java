package io.kasumi.bench;

import software.amazon.awssdk.core.sync.RequestBody;

import java.util.concurrent.atomic.AtomicLong;

/** S3 PutObject of a fixed-size body under ever new keys, all clients to one bucket. */
record S3PutWorkload(String name, int size) implements Workload {

    @Override
    public String service() {
        return "s3";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        S3Buckets.Bucket bucket = S3Buckets.create(sdk, "bench-put");
        byte[] body = S3Buckets.body(size);
        AtomicLong next = new AtomicLong();
        return new Run() {
            @Override
            public int execute() {
                sdk.s3().putObject(b -> b.bucket(bucket.name()).key("k/" + next.incrementAndGet()), RequestBody.fromBytes(body));
                return 1;
            }

            @Override
            public void close() {
                bucket.close();
            }
        };
    }
}
