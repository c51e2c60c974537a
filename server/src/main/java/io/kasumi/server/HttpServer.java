package io.kasumi.server;

import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The one listening port: HTTP/1.1 with keep-alive and h2c on the same connector, raw paths kept
 * (S3 keys may hold "//", "%2F" and ".."), request handling on virtual threads.
 */
public final class HttpServer implements AutoCloseable {
    /** Header sections beyond this answer an AWS-shaped 400; presigned URLs stay well below it. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    private final Server server;
    private final ServerConnector connector;

    static {
        answerJettyCacheLineQuestion();
    }

    /**
     * Jetty's MemoryUtils boots the platform MBean server (over 100 ms at start-up) only to learn
     * whether object references are compressed; the JVM already says so in a system property.
     * Must run before any Jetty class that pads for cache lines is initialized.
     */
    private static void answerJettyCacheLineQuestion() {
        String key = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(key) == null) {
            int cacheLineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
            int referenceBytes = System.getProperty("java.vm.compressedOopsMode") != null ? Integer.BYTES : Long.BYTES;
            System.setProperty(key, Integer.toString(cacheLineBytes / referenceBytes));
        }
    }

    public HttpServer(String host, int port, Function<HttpRequest, HttpResponse> dispatcher) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("kasumi");
        threads.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kasumi-request-", 0).factory()));
        server = new Server(threads);

        HttpConfiguration config = new HttpConfiguration();
        config.setUriCompliance(UriCompliance.UNSAFE);
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(MAX_HEADER_BYTES);
        config.setResponseHeaderSize(MAX_HEADER_BYTES);
        config.setRelativeRedirectAllowed(true);

        connector = new ServerConnector(server, 1, 1,
                new HttpConnectionFactory(config), new HTTP2CServerConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        server.setHandler(new JettyHandler(dispatcher));
        server.setErrorHandler(new AwsErrorHandler());
        server.setStopTimeout(1_000);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The port actually bound (useful when 0 asked for a free one). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, gives requests in flight a moment to finish, then stops regardless. */
    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } catch (TimeoutException stillBusy) {
            // graceful stop ran out of time; Jetty has stopped anyway
        }
    }
}
