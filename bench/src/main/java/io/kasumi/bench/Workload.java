package io.kasumi.bench;

import java.time.Duration;

/**
 * A named load workload: prepares its state on a target (queues, pre-filled messages), then one
 * operation at a time from many threads. A new workload is one class and one entry in {@link Workloads}.
 */
interface Workload {

    String name();

    /** The service the target must serve, e.g. {@code sts} or {@code sqs}. */
    String service();

    /** Sets the workload up on a target. */
    Run prepare(SdkClients sdk, Setup setup) throws Exception;

    /**
     * How a workload is set up.
     *
     * @param clients         the concurrent threads that will run it
     * @param prefillTime     how long pre-filling (of a queue) may take
     * @param prefillMessages how many messages pre-filling stops at
     */
    record Setup(int clients, Duration prefillTime, long prefillMessages) {
    }

    /** A prepared workload; {@link #execute} is called from many threads at once. */
    interface Run extends AutoCloseable {
        /** Signals that nothing is left to do (an empty queue). */
        int DRAINED = -1;

        /** One operation; returns the items it moved (1 where only the operation counts), or {@link #DRAINED}. */
        int execute();

        /** Removes what {@link Workload#prepare} made. */
        @Override
        default void close() {
        }
    }
}
