package io.kasumi.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that only runs inside a {@link FixtureRun}: some fail on purpose, so a build that
 * selects them directly (a broad {@code -Dtest} pattern) skips them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(Fixture.OnlyInFixtureRun.class)
@interface Fixture {
    String RUN_PARAMETER = "io.kasumi.junit.fixture-run";

    final class OnlyInFixtureRun implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(RUN_PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("inside a fixture run")
                    : ConditionEvaluationResult.disabled("a fixture, run by FixtureRun only");
        }
    }
}
