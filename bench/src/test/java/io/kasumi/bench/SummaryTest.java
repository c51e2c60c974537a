package io.kasumi.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryTest {

    @Test
    void medianOfOddCountIsTheMiddleValue() {
        assertThat(Summary.of(List.of(900.0, 300.0, 500.0))).isEqualTo(new Summary(3, 500.0, 300.0, 900.0));
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheMiddlePair() {
        assertThat(Summary.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void rejectsNoValues() {
        assertThatThrownBy(() -> Summary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
