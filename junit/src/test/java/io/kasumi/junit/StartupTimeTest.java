package io.kasumi.junit;

import io.kasumi.Kasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Prints how long the extension's start-up takes in this JVM; a figure to watch, not a limit. */
class StartupTimeTest {

    @Test
    void printsStartupTimes(TestReporter reporter) {
        long firstStart = System.nanoTime();
        RunningKasumi first = KasumiSettings.of(Defaults.class.getAnnotation(KasumiTest.class)).start();
        Duration firstInstance = Duration.ofNanos(System.nanoTime() - firstStart);
        try (first) {
            long firstCall = System.nanoTime();
            StsClient sts = (StsClient) first.resolve(StsClient.class);
            sts.getCallerIdentity();
            Duration firstClient = Duration.ofNanos(System.nanoTime() - firstCall);

            long secondStart = System.nanoTime();
            try (RunningKasumi second = KasumiSettings.of(Defaults.class.getAnnotation(KasumiTest.class)).start()) {
                Duration secondInstance = Duration.ofNanos(System.nanoTime() - secondStart);
                report(reporter, "first instance", firstInstance);
                report(reporter, "first SDK client and call", firstClient);
                report(reporter, "second instance", secondInstance);
                assertThat(second.endpoint()).isNotEqualTo(first.endpoint());
            }
        }
    }

    private static void report(TestReporter reporter, String what, Duration took) {
        System.out.printf("kasumi-junit start-up: %s %d ms%n", what, took.toMillis());
        reporter.publishEntry(what, took.toMillis() + " ms");
    }

    @KasumiTest
    private static final class Defaults {
    }
}
