package io.kasumi;

import io.kasumi.auth.AuthMode;
import io.kasumi.auth.Authenticator;
import io.kasumi.auth.CredentialRegistry;
import io.kasumi.cli.KasumiCli;
import io.kasumi.clock.ClockTasks;
import io.kasumi.clock.VirtualClock;
import io.kasumi.protocol.ProtocolCodecs;
import io.kasumi.server.Dispatcher;
import io.kasumi.server.HttpServer;
import io.kasumi.server.ModelInputValidator;
import io.kasumi.server.ServiceAuthenticator;
import io.kasumi.services.ServiceCatalog;
import io.kasumi.services.ServiceContext;
import io.kasumi.services.ServiceFactory;
import io.kasumi.services.ServiceLinks;
import io.kasumi.services.ServiceModule;
import io.kasumi.services.Services;
import io.kasumi.store.Stores;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One running Kasumi: every service on one port. Built with {@link #builder()}, closed with
 * {@link #close()}; instances share nothing, so several can run in one JVM.
 *
 * <pre>{@code
 * try (Kasumi kasumi = Kasumi.builder().port(0).start()) {
 *     URI endpoint = URI.create(kasumi.endpoint());
 * }
 * }</pre>
 */
public final class Kasumi implements AutoCloseable {
    private final KasumiConfig config;
    private final VirtualClock clock;
    private final Stores stores;
    private final CredentialRegistry credentials;
    private final ClockTasks tasks;
    private final ServiceLinks links = new ServiceLinks();
    private final HttpServer server;
    private final Map<String, ServiceModule> modules;

    private Kasumi(KasumiConfig config) throws Exception {
        this.config = config;
        this.clock = new VirtualClock();
        this.stores = Stores.open(config.dataDir());
        this.credentials = CredentialRegistry.withDefaults();
        this.tasks = new ClockTasks(clock);
        try {
            ServiceContext context = new ServiceContext(config, clock, stores.kv(), stores.blobs(), credentials, links, tasks);
            Map<String, ServiceModule> running = new LinkedHashMap<>();
            for (Map.Entry<String, ServiceFactory> entry : Services.standard().entrySet()) {
                if (config.serviceEnabled(entry.getKey())) {
                    running.put(entry.getKey(), entry.getValue().create(context));
                }
            }
            this.modules = Map.copyOf(running);
            Authenticator authenticator = new Authenticator(credentials, clock, AuthMode.valueOf(config.authMode().toUpperCase(Locale.ROOT)));
            Dispatcher dispatcher = new Dispatcher(ServiceCatalog.load(), ProtocolCodecs.standard(), modules,
                    config::serviceEnabled, new ServiceAuthenticator(authenticator),
                    new ModelInputValidator(), clock, version());
            this.server = new HttpServer(config.host(), config.port(), dispatcher);
            server.start();
        } catch (Exception | Error e) {
            tasks.close();
            stores.close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL clients use, e.g. http://localhost:4566. */
    public String endpoint() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        return "http://" + host + ":" + port();
    }

    public int port() {
        return server.port();
    }

    /** The virtual clock of this instance: tests move it instead of sleeping. */
    public VirtualClock clock() {
        return clock;
    }

    public KasumiConfig config() {
        return config;
    }

    /** What the running services offer each other; embedding tests may provide a capability of their own. */
    public ServiceLinks links() {
        return links;
    }

    /** The running services, by model name. */
    public Map<String, ServiceModule> modules() {
        return modules;
    }

    /** Forgets all state of every service, as POST /_kasumi/reset does. */
    public void reset() {
        modules.values().forEach(ServiceModule::reset);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kasumi did not stop cleanly", e);
        } finally {
            tasks.close();
            modules.values().forEach(ServiceModule::close);
            stores.close();
        }
    }

    /** The version from the jar manifest, "dev" when run from classes. */
    public static String version() {
        String version = Kasumi.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    public static void main(String[] args) {
        System.exit(KasumiCli.run(args));
    }

    /** Configuration of an instance; defaults match {@code kasumi start} without flags. */
    public static final class Builder {
        private int port = KasumiConfig.DEFAULT_PORT;
        private String host = "127.0.0.1";
        private Path dataDir;
        private final Set<String> services = new LinkedHashSet<>();
        private String authMode = "off";

        private Builder() {
        }

        /** The port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Keeps state durably in this directory; without it state is ephemeral. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Enables only these services (all when none are named). */
        public Builder services(List<String> names) {
            services.addAll(names);
            return this;
        }

        /** "off" (default), "verify" or "enforce". */
        public Builder authMode(String mode) {
            this.authMode = mode.toLowerCase(Locale.ROOT);
            return this;
        }

        public KasumiConfig config() {
            return new KasumiConfig(port, host, dataDir, services, authMode);
        }

        /** Starts the instance; it answers requests when this returns. */
        public Kasumi start() {
            try {
                return new Kasumi(config());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Kasumi could not start: " + e.getMessage(), e);
            }
        }
    }
}
