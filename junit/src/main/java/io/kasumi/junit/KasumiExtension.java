package io.kasumi.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * The extension behind {@link KasumiTest}: starts Kasumi on a free port, keeps it in the extension
 * context store of the test class (or of the whole run), resets it after each test when asked, and
 * injects it, its endpoint, its clock and SDK clients into parameters and annotated fields.
 */
public final class KasumiExtension implements BeforeAllCallback, AfterEachCallback, TestInstancePostProcessor,
        ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(KasumiExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        RunningKasumi kasumi = running(context);
        injectFields(context.getRequiredTestClass(), null, kasumi);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        injectFields(testInstance.getClass(), testInstance, running(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (owner(context).test().resetBetweenTests()) {
            running(context).reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RunningKasumi.supports(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return running(context).resolve(parameter.getParameter().getType());
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(e.getMessage() + " (parameter " + parameter.getIndex()
                    + " of " + parameter.getDeclaringExecutable() + ")", e);
        }
    }

    /** The instance for this context: made on first use, in the store whose lifetime the scope names. */
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: its JUnit 6 successor is missing from JUnit 5, served too
    private static RunningKasumi running(ExtensionContext context) {
        Owner owner = owner(context);
        KasumiSettings settings = KasumiSettings.of(owner.test());
        ExtensionContext home = switch (settings.scope()) {
            case PER_CLASS -> owner.context();
            case PER_JVM -> context.getRoot();
        };
        // the store looks in ancestors first, so @Nested classes with equal settings share their outer instance
        return home.getStore(NAMESPACE).getOrComputeIfAbsent(settings, KasumiSettings::start, RunningKasumi.class);
    }

    /** The nearest enclosing class context carrying {@code @KasumiTest}, and that annotation. */
    private static Owner owner(ExtensionContext context) {
        for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent(); at = at.get().getParent()) {
            if (at.get().getElement().orElse(null) instanceof Class<?> type) {
                Optional<KasumiTest> test = AnnotationSupport.findAnnotation(type, KasumiTest.class);
                if (test.isPresent()) {
                    return new Owner(at.get(), test.get());
                }
            }
        }
        throw new ExtensionConfigurationException(
                "KasumiExtension takes its settings from @KasumiTest: annotate the test class with @KasumiTest");
    }

    /** Sets static fields (no instance) or instance fields annotated to receive Kasumi values. */
    private static void injectFields(Class<?> type, Object instance, RunningKasumi kasumi) {
        inject(type, instance, KasumiClient.class, field -> kasumi.resolve(field.getType()));
        inject(type, instance, KasumiEndpoint.class, field -> {
            if (field.getType() == URI.class) {
                return kasumi.endpoint();
            }
            if (field.getType() == String.class) {
                return kasumi.endpoint().toString();
            }
            throw new IllegalArgumentException("an endpoint field must be a URI or a String, not " + field.getType().getName());
        });
    }

    private static void inject(Class<?> type, Object instance, Class<? extends Annotation> annotation,
                               Function<Field, Object> value) {
        boolean statics = instance == null;
        for (Field field : AnnotationSupport.findAnnotatedFields(type, annotation,
                field -> Modifier.isStatic(field.getModifiers()) == statics)) {
            String name = "@" + annotation.getSimpleName() + " field " + field.getDeclaringClass().getSimpleName()
                    + "." + field.getName();
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(name + " must not be final");
            }
            try {
                ReflectionSupport.makeAccessible(field).set(instance, value.apply(field));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(name + ": " + e.getMessage(), e);
            } catch (IllegalAccessException e) {
                throw new ExtensionConfigurationException(name + " cannot be set: " + e.getMessage(), e);
            }
        }
    }

    private record Owner(ExtensionContext context, KasumiTest test) {
    }
}
