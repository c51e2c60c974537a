package io.kasumi.junit;

import io.kasumi.Kasumi;
import io.kasumi.clock.VirtualClock;

import java.net.URI;

/**
 * A Kasumi started by the extension, with the SDK clients made for it. The extension context store
 * that holds it closes it, clients first.
 */
final class RunningKasumi implements AutoCloseable {
    private static final String SDK_PACKAGE = "software.amazon.awssdk.";

    private final Kasumi kasumi;
    private final URI endpoint;
    private final String region;
    // made on the first client request, so tests that only want the endpoint need no SDK on the classpath
    private SdkClients clients;

    RunningKasumi(Kasumi kasumi, String region) {
        this.kasumi = kasumi;
        this.endpoint = URI.create(kasumi.endpoint());
        this.region = region;
    }

    /** Whether {@link #resolve} can make a value of this type. */
    static boolean supports(Class<?> type) {
        return type == Kasumi.class || type == URI.class || type == VirtualClock.class
                || isSdkType(type) && SdkClients.isClientType(type);
    }

    /**
     * The value injected for a type: the instance, its endpoint, its clock or an SDK client.
     *
     * @throws IllegalArgumentException naming what can be injected instead
     */
    Object resolve(Class<?> type) {
        if (type == Kasumi.class) {
            return kasumi;
        }
        if (type == URI.class) {
            return endpoint;
        }
        if (type == VirtualClock.class) {
            return kasumi.clock();
        }
        if (isSdkType(type)) {
            return sdkClients().get(type);
        }
        throw new IllegalArgumentException("Kasumi cannot inject " + type.getName() + ": it injects Kasumi, URI"
                + " (the endpoint), VirtualClock and AWS SDK v2 clients such as S3Client or SqsAsyncClient");
    }

    URI endpoint() {
        return endpoint;
    }

    /** Forgets all service state and puts the clock back to system time. */
    void reset() {
        kasumi.reset();
        kasumi.clock().reset();
    }

    @Override
    public void close() {
        SdkClients made;
        synchronized (this) {
            made = clients;
        }
        try {
            if (made != null) {
                made.close();
            }
        } finally {
            kasumi.close();
        }
    }

    private synchronized SdkClients sdkClients() {
        if (clients == null) {
            clients = new SdkClients(endpoint, region);
        }
        return clients;
    }

    private static boolean isSdkType(Class<?> type) {
        return type.getName().startsWith(SDK_PACKAGE);
    }
}
