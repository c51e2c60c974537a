package io.kasumi.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessMemoryTest {

    @Test
    void readsKilobytesFromAStatusLine() {
        assertThat(ProcessMemory.kilobytesToBytes("VmRSS:\t  120556 kB")).isEqualTo(120556L * 1024);
    }

    @Test
    void rejectsAStatusLineWithoutUnit() {
        assertThatThrownBy(() -> ProcessMemory.kilobytesToBytes("VmRSS: 12")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void measuresThisJvm() {
        // Linux-only by nature; this JVM holds at least a few megabytes
        assertThat(ProcessMemory.residentBytes(ProcessHandle.current())).hasValueSatisfying(bytes -> assertThat(bytes).isGreaterThan(4L << 20));
    }

    @Test
    void aGoneProcessHasNoResidentSize() {
        assertThat(ProcessMemory.vmRss(Long.MAX_VALUE)).isEmpty();
    }
}
