package io.kasumi.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The load workloads by name. */
final class Workloads {
    private static final Map<String, Workload> BY_NAME = index(List.of(
            new StsCallerIdentityWorkload(),
            new SqsSendWorkload(),
            new SqsReceiveDeleteWorkload(),
            new S3PutWorkload("s3-put-1k", 1024),
            new S3GetWorkload("s3-get-1k", 1024),
            new S3PutWorkload("s3-put-1m", 1024 * 1024),
            new S3GetWorkload("s3-get-1m", 1024 * 1024),
            new S3ListWorkload(),
            new DynamoPutWorkload(),
            new DynamoGetWorkload(),
            new DynamoQueryWorkload(),
            new SecretsGetWorkload(),
            new SsmGetWorkload()));

    static Optional<Workload> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    private static Map<String, Workload> index(List<Workload> workloads) {
        Map<String, Workload> byName = new LinkedHashMap<>();
        workloads.forEach(w -> byName.put(w.name(), w));
        return Collections.unmodifiableMap(byName);
    }

    private Workloads() {
    }
}
