package io.kasumi.junit;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Finds the builder of an SDK client interface. This is the extension's one reflective step: every
 * service client interface declares {@code static XxxClientBuilder builder()}, but no supertype can
 * build them and no method reference can name a client type known only when a test asks for it.
 */
final class ClientBuilders {

    private ClientBuilders() {
    }

    /**
     * A fresh builder for the client interface.
     *
     * @throws IllegalArgumentException when the type has no static {@code builder()} returning an
     *                                  {@link AwsClientBuilder}
     */
    static AwsClientBuilder<?, ?> builderFor(Class<?> clientType) {
        if (!clientType.isInterface()) {
            throw notAClient(clientType);
        }
        Method builder;
        try {
            builder = clientType.getMethod("builder");
        } catch (NoSuchMethodException e) {
            throw notAClient(clientType);
        }
        if (!Modifier.isStatic(builder.getModifiers()) || !AwsClientBuilder.class.isAssignableFrom(builder.getReturnType())) {
            throw notAClient(clientType);
        }
        try {
            return (AwsClientBuilder<?, ?>) builder.invoke(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + clientType.getName() + ".builder()", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(clientType.getName() + ".builder() failed: " + e.getCause(), e.getCause());
        }
    }

    private static IllegalArgumentException notAClient(Class<?> type) {
        return new IllegalArgumentException("Kasumi cannot inject " + type.getName() + ": it injects AWS SDK v2"
                + " service client interfaces, those with a static builder() such as S3Client or SqsAsyncClient");
    }
}
