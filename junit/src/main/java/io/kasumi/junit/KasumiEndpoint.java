package io.kasumi.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link KasumiTest} class, of type {@link java.net.URI} or {@link String}, to
 * receive Kasumi's endpoint, e.g. {@code http://127.0.0.1:40123}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface KasumiEndpoint {
}
