package io.kasumi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Resident set size from /proc (Linux), summed over a process and its descendants. */
final class ProcessMemory {

    /** Bytes resident in the process tree, or empty where /proc is not available. */
    static Optional<Long> residentBytes(ProcessHandle root) {
        long total = 0;
        boolean any = false;
        for (ProcessHandle process : Stream.concat(Stream.of(root), root.descendants()).toList()) {
            Optional<Long> rss = vmRss(process.pid());
            if (rss.isPresent()) {
                total += rss.get();
                any = true;
            }
        }
        return any ? Optional.of(total) : Optional.empty();
    }

    /** The VmRSS line of /proc/PID/status, in bytes; empty when the process is gone. */
    static Optional<Long> vmRss(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:")).findFirst().map(ProcessMemory::kilobytesToBytes);
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    static long kilobytesToBytes(String statusLine) {
        String[] fields = statusLine.trim().split("\\s+");
        if (fields.length < 3 || !fields[2].equalsIgnoreCase("kB")) {
            throw new IllegalArgumentException("unexpected /proc status line: " + statusLine);
        }
        return Long.parseLong(fields[1]) * 1024;
    }

    private ProcessMemory() {
    }
}
