package io.kasumi.bench;

import java.util.List;

/** Median, minimum and maximum of a set of measurements. */
record Summary(int count, double median, double min, double max) {

    static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarize");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(n, median, sorted.getFirst(), sorted.getLast());
    }
}
