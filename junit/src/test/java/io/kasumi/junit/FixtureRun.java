package io.kasumi.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs fixture test classes in a run of their own, the way a build would run a user's tests, and
 * keeps what they published and how they failed.
 *
 * @param published every value published through {@code TestReporter}, in order
 * @param failures  the exceptions of failed tests and containers
 * @param succeeded how many tests passed
 */
record FixtureRun(List<Map<String, String>> published, List<Throwable> failures, int succeeded) {

    static FixtureRun of(Class<?>... fixtures) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(fixtures).map(DiscoverySelectors::selectClass).toList())
                .configurationParameter(Fixture.RUN_PARAMETER, "true")
                .build();
        Listener listener = new Listener();
        LauncherFactory.create().execute(request, listener);
        return new FixtureRun(List.copyOf(listener.published), List.copyOf(listener.failures),
                listener.succeeded.size());
    }

    /** The values published under this key, in order. */
    List<String> published(String key) {
        List<String> values = new ArrayList<>();
        published.forEach(entry -> {
            if (entry.containsKey(key)) {
                values.add(entry.get(key));
            }
        });
        return values;
    }

    private static final class Listener implements TestExecutionListener {
        final List<Map<String, String>> published = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        final List<TestIdentifier> succeeded = new CopyOnWriteArrayList<>();

        @Override
        public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            published.add(entry.getKeyValuePairs());
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            result.getThrowable().ifPresent(failures::add);
            if (test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                succeeded.add(test);
            }
        }
    }
}
