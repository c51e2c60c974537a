package io.kasumi.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated test class against a Kasumi on a free port. Constructors, lifecycle methods
 * and test methods can take the {@link io.kasumi.Kasumi} instance, its endpoint {@link java.net.URI},
 * its {@link io.kasumi.clock.VirtualClock} and any AWS SDK v2 client ({@code S3Client},
 * {@code SqsAsyncClient}, ...) already pointed at it; fields get the same with
 * {@link KasumiClient} and {@link KasumiEndpoint}.
 *
 * <pre>{@code
 * @KasumiTest
 * class QueueTest {
 *     @Test
 *     void callsKasumi(StsClient sts, VirtualClock clock) {
 *         sts.getCallerIdentity();
 *         clock.advance(Duration.ofHours(2));
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KasumiExtension.class)
public @interface KasumiTest {

    /** How long one Kasumi lives. */
    Scope scope() default Scope.PER_CLASS;

    /** Forget all service state and put the clock back to system time after every test. */
    boolean resetBetweenTests() default false;

    /** Model names of the services to enable ({@code "sts"}, {@code "s3"}, ...); all when empty. */
    String[] services() default {};

    /** {@code "off"}, {@code "verify"} or {@code "enforce"}, as {@code kasumi start --auth}. */
    String auth() default "off";

    /** The region injected clients are configured with. */
    String region() default "us-east-1";

    enum Scope {
        /** One Kasumi per test class, its {@code @Nested} classes included; closed after the class. */
        PER_CLASS,
        /**
         * One Kasumi for the whole test run, shared by every class with the same settings; closed
         * when the run ends.
         */
        PER_JVM
    }
}
