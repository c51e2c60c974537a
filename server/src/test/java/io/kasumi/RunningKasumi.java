package io.kasumi;

import io.kasumi.clock.VirtualClock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * One Kasumi on a free port for a test class, and the clients made against it:
 * {@code @RegisterExtension static final RunningKasumi kasumi = RunningKasumi.create();}.
 * It starts before the class's {@code @BeforeAll} methods and closes, clients first, after its {@code @AfterAll} ones.
 */
public final class RunningKasumi implements BeforeAllCallback, AfterAllCallback {

    private final Settings settings;
    private final Deque<AutoCloseable> clients = new ArrayDeque<>();
    private Kasumi kasumi;

    /** What the instance is started with: no services named means all of them, no data dir means ephemeral. */
    private record Settings(String authMode, List<String> services, Path dataDir) {
    }

    private RunningKasumi(Settings settings) {
        this.settings = settings;
    }

    /** Kasumi with its defaults, on a free port. */
    public static RunningKasumi create() {
        return new RunningKasumi(new Settings("off", List.of(), null));
    }

    public RunningKasumi authMode(String mode) {
        return new RunningKasumi(new Settings(mode, settings.services(), settings.dataDir()));
    }

    public RunningKasumi services(List<String> names) {
        return new RunningKasumi(new Settings(settings.authMode(), List.copyOf(names), settings.dataDir()));
    }

    public RunningKasumi dataDir(Path dir) {
        return new RunningKasumi(new Settings(settings.authMode(), settings.services(), dir));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        kasumi = Kasumi.builder().port(0)
                .authMode(settings.authMode())
                .services(settings.services())
                .dataDir(settings.dataDir())
                .start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            while (!clients.isEmpty()) {
                clients.pop().close();
            }
        } finally {
            kasumi.close();
            kasumi = null;
        }
    }

    /** A client made now against this instance, closed (newest first) when the class is done. */
    public <C extends AutoCloseable> C client(Function<Kasumi, C> factory) {
        C client = factory.apply(kasumi());
        clients.push(client);
        return client;
    }

    /** An SDK client of this instance, e.g. {@code kasumi.connect(S3Client.builder())}, closed with the class. */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkClient> C connect(B builder) {
        return client(k -> SdkClients.sync(builder, k.endpoint()));
    }

    public Kasumi kasumi() {
        if (kasumi == null) {
            throw new IllegalStateException("Kasumi runs only between beforeAll and afterAll of the test class");
        }
        return kasumi;
    }

    public String endpoint() {
        return kasumi().endpoint();
    }

    public int port() {
        return kasumi().port();
    }

    public VirtualClock clock() {
        return kasumi().clock();
    }
}
