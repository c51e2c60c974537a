package io.kasumi.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadReportTest {
    private static final LoadResult KASUMI = new LoadResult("kasumi", "sqs-send", 16, 10.0, 50_000, 50_000, 2,
            2_500_000, 12_345_678, false);
    private static final LoadResult MOTO = new LoadResult("moto", "sqs-send", 16, 10.0, 2_500, 2_500, 0,
            50_000_000, 123_456_780, false);

    @Test
    void resultLineIsTabSeparatedInHeaderOrder() {
        assertThat(LoadResult.HEADER.split("\t")).containsExactly("target", "workload", "clients", "seconds", "ops",
                "ops_per_s", "items_per_s", "p50_ms", "p99_ms", "errors", "note");
        assertThat(KASUMI.tsv()).isEqualTo("kasumi\tsqs-send\t16\t10.00\t50000\t5000\t5000\t2.500\t12.346\t2\t-");
    }

    @Test
    void drainedCellSaysSoAndCountsItemsSeparately() {
        LoadResult drained = new LoadResult("kasumi", "sqs-receive-delete", 1, 4.0, 1_000, 9_990, 0, 1_000_000, 2_000_000, true);

        assertThat(drained.tsv()).isEqualTo("kasumi\tsqs-receive-delete\t1\t4.00\t1000\t250\t2498\t1.000\t2.000\t0\tdrained");
    }

    @Test
    void ratiosCompareKasumiToEachPeerOfTheSameCell() {
        LoadResult otherCell = new LoadResult("moto", "sqs-send", 1, 10.0, 1_000, 1_000, 0, 1, 1, false);
        LoadResult otherWorkload = new LoadResult("moto", "sts-caller-identity", 16, 10.0, 1_000, 1_000, 0, 1, 1, false);

        List<String> lines = LoadReport.ratios(List.of(KASUMI, otherCell, MOTO, otherWorkload), "kasumi");

        assertThat(lines).containsExactly("sqs-send\t16\tmoto\t20.00x\t0.05x\t0.10x");
        assertThat(LoadReport.RATIO_HEADER.split("\t")).hasSize(lines.getFirst().split("\t").length);
    }

    @Test
    void ratioAgainstAnIdlePeerIsADash() {
        LoadResult idle = new LoadResult("elasticmq", "sqs-send", 16, 0.0, 0, 0, 0, 0, 0, false);

        assertThat(LoadReport.ratios(List.of(KASUMI, idle), "kasumi")).containsExactly("sqs-send\t16\telasticmq\t-\t-\t-");
    }

    @Test
    void tableStartsWithTheHeader() {
        assertThat(LoadReport.table(List.of(KASUMI, MOTO))).containsExactly(LoadResult.HEADER, KASUMI.tsv(), MOTO.tsv());
    }

    @Test
    void parsesDurations() {
        assertThat(LoadBench.duration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(LoadBench.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LoadBench.duration("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(LoadBench.duration("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThatThrownBy(() -> LoadBench.duration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsTheWorkloadsByName() {
        assertThat(Workloads.names()).contains("sts-caller-identity", "sqs-send", "sqs-receive-delete");
        assertThat(Workloads.named("sqs-send")).get().extracting(Workload::service).isEqualTo("sqs");
    }
}
