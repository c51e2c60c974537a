package io.kasumi.bench;

/**
 * One measured cell: a workload on a target with a number of concurrent clients.
 *
 * @param items what the operations moved (messages for SQS), equal to {@code ops} where that means nothing more
 * @param drained true when the workload ran out of work (an emptied queue) before the duration ended
 */
record LoadResult(String target, String workload, int clients, double seconds, long ops, long items, long errors,
                  long p50Nanos, long p99Nanos, boolean drained) {

    static final String HEADER = String.join("\t", "target", "workload", "clients", "seconds", "ops", "ops_per_s",
            "items_per_s", "p50_ms", "p99_ms", "errors", "note");

    double opsPerSecond() {
        return seconds > 0 ? ops / seconds : 0;
    }

    double itemsPerSecond() {
        return seconds > 0 ? items / seconds : 0;
    }

    String tsv() {
        return String.join("\t", target, workload, Integer.toString(clients), Format.seconds(seconds), Long.toString(ops),
                Format.rate(opsPerSecond()), Format.rate(itemsPerSecond()), Format.latencyMs(p50Nanos),
                Format.latencyMs(p99Nanos), Long.toString(errors), drained ? "drained" : "-");
    }
}
