package io.kasumi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Kasumi's ratio to each peer in the same run, per workload and client count. */
final class LoadReport {
    static final String RATIO_HEADER = String.join("\t", "workload", "clients", "peer", "ops_per_s_ratio", "p50_ratio",
            "p99_ratio");

    /**
     * One line per (workload, clients, peer) that both {@code reference} and the peer measured:
     * throughput ratio (reference / peer: above 1 is better for the reference) and latency ratios
     * (below 1 is better for the reference).
     */
    static List<String> ratios(List<LoadResult> results, String reference) {
        List<String> lines = new ArrayList<>();
        for (LoadResult mine : results) {
            if (!mine.target().equals(reference)) {
                continue;
            }
            for (LoadResult peer : results) {
                if (peer.target().equals(reference) || !peer.workload().equals(mine.workload())
                        || peer.clients() != mine.clients()) {
                    continue;
                }
                lines.add(String.join("\t", mine.workload(), Integer.toString(mine.clients()), peer.target(),
                        ratio(mine.opsPerSecond(), peer.opsPerSecond()), ratio(mine.p50Nanos(), peer.p50Nanos()),
                        ratio(mine.p99Nanos(), peer.p99Nanos())));
            }
        }
        return lines;
    }

    private static String ratio(double mine, double theirs) {
        return theirs > 0 ? Format.ratio(mine / theirs) : "-";
    }

    static List<String> table(List<LoadResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add(LoadResult.HEADER);
        results.stream().filter(Objects::nonNull).map(LoadResult::tsv).forEach(lines::add);
        return lines;
    }

    private LoadReport() {
    }
}
