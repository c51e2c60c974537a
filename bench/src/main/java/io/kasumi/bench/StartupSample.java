package io.kasumi.bench;

/**
 * One start of one target: milliseconds from process start (or {@code start()} call) to the first
 * successful answer, and resident memory once idle ({@code -1} when not measurable, e.g. in-JVM).
 */
record StartupSample(String target, String run, boolean warmUp, double startupMs, double rssMb) {

    String tsv() {
        return String.join("\t", target, run, Format.ms(startupMs), rssMb < 0 ? "-" : Format.mb(rssMb));
    }
}
