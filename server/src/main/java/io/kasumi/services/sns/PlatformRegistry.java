package io.kasumi.services.sns;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Every platform application and endpoint, held in memory over the store. Changes are written to
 * the store first and serialized here.
 */
final class PlatformRegistry {
    private final SnsStore store;
    private final Map<String, PlatformApplicationRecord> applications = new ConcurrentHashMap<>();
    private final Map<String, EndpointRecord> endpoints = new ConcurrentHashMap<>();

    PlatformRegistry(SnsStore store) {
        this.store = store;
        store.load(new SnsStore.Loaded() {
            @Override
            public void application(PlatformApplicationRecord application) {
                applications.put(application.arn(), application);
            }

            @Override
            public void endpoint(EndpointRecord endpoint) {
                endpoints.put(endpoint.arn(), endpoint);
            }
        });
    }

    Optional<PlatformApplicationRecord> application(String arn) {
        return Optional.ofNullable(arn == null ? null : applications.get(arn));
    }

    Optional<EndpointRecord> endpoint(String arn) {
        return Optional.ofNullable(arn == null ? null : endpoints.get(arn));
    }

    /** The account's applications in one region, by ARN. */
    List<PlatformApplicationRecord> applications(String account, String region) {
        return applications.values().stream()
                .filter(a -> a.account().equals(account) && a.region().equals(region))
                .sorted(Comparator.comparing(PlatformApplicationRecord::arn))
                .toList();
    }

    /** An application's endpoints, oldest first. */
    List<EndpointRecord> endpointsOf(String applicationArn) {
        return endpoints.values().stream()
                .filter(e -> e.applicationArn().equals(applicationArn))
                .sorted(Comparator.comparingLong(EndpointRecord::createdMillis).thenComparing(EndpointRecord::arn))
                .toList();
    }

    synchronized void put(PlatformApplicationRecord application) {
        store.putApplication(application);
        applications.put(application.arn(), application);
    }

    synchronized void delete(PlatformApplicationRecord application) {
        List<EndpointRecord> owned = endpointsOf(application.arn());
        store.deleteApplication(application, owned);
        owned.forEach(e -> endpoints.remove(e.arn()));
        applications.remove(application.arn());
    }

    /**
     * Creates the endpoint unless its application already has one with the token; that one goes
     * to {@code existing}, which answers it or throws (CreatePlatformEndpoint is idempotent).
     */
    synchronized EndpointRecord create(EndpointRecord endpoint, UnaryOperator<EndpointRecord> existing) {
        for (EndpointRecord found : endpointsOf(endpoint.applicationArn())) {
            if (found.token().equals(endpoint.token())) {
                return existing.apply(found);
            }
        }
        put(endpoint);
        return endpoint;
    }

    /** Stores the endpoint if it still exists (and its application with it). */
    synchronized void update(EndpointRecord endpoint) {
        if (endpoints.containsKey(endpoint.arn()) && applications.containsKey(endpoint.applicationArn())) {
            put(endpoint);
        }
    }

    private void put(EndpointRecord endpoint) {
        store.putEndpoint(endpoint);
        endpoints.put(endpoint.arn(), endpoint);
    }

    synchronized void delete(EndpointRecord endpoint) {
        store.deleteEndpoint(endpoint);
        endpoints.remove(endpoint.arn());
    }

    /** Forgets what memory holds; the store is cleared by {@link SnsRegistry#reset()}. */
    synchronized void forget() {
        applications.clear();
        endpoints.clear();
    }
}
