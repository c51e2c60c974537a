package io.kasumi.services.logs;

import java.time.Instant;
import java.util.List;

/**
 * What CloudWatch Logs offers the services that log into it (Lambda's function output): events
 * appended to a stream, with the group and stream created when missing, as Lambda's own
 * log delivery does.
 */
public interface LogWriter {

    record LogLine(Instant timestamp, String message) {
    }

    void append(String account, String region, String logGroup, String logStream, List<LogLine> lines);
}
