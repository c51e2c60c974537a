package io.kasumi.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link KasumiTest} class to receive an AWS SDK v2 client pointed at Kasumi
 * ({@code S3Client}, {@code DynamoDbAsyncClient}, ...), or the {@link io.kasumi.Kasumi} instance or
 * its {@link io.kasumi.clock.VirtualClock}. Static fields are set before {@code @BeforeAll}
 * methods run, instance fields before {@code @BeforeEach} methods.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface KasumiClient {
}
