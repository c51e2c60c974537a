package io.kasumi.auth;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The access keys one emulator instance knows: the built-in {@code test}/{@code test} key, and
 * keys added at runtime (STS temporary credentials, IAM access keys). Thread-safe.
 */
public final class CredentialRegistry {
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_ACCESS_KEY = "test";
    public static final String DEFAULT_SECRET_KEY = "test";

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final ConcurrentMap<String, Credentials> byAccessKey = new ConcurrentHashMap<>();

    /** An empty registry. */
    public CredentialRegistry() {
    }

    /** A registry holding the built-in {@code test}/{@code test} key of account 000000000000. */
    public static CredentialRegistry withDefaults() {
        CredentialRegistry registry = new CredentialRegistry();
        registry.register(Credentials.root(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, DEFAULT_ACCOUNT));
        return registry;
    }

    /** Adds or replaces the key. */
    public void register(Credentials credentials) {
        byAccessKey.put(credentials.accessKeyId(), credentials);
    }

    public boolean remove(String accessKeyId) {
        return byAccessKey.remove(accessKeyId) != null;
    }

    public Optional<Credentials> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(byAccessKey.get(accessKeyId));
    }

    /** The account of a key: the registered one, else {@link #implicitAccount(String)}. */
    public String accountFor(String accessKeyId) {
        return find(accessKeyId).map(Credentials::account).orElseGet(() -> implicitAccount(accessKeyId));
    }

    /** An access key of exactly 12 digits is its own account; anything else is 000000000000. */
    public static String implicitAccount(String accessKeyId) {
        return accessKeyId != null && ACCOUNT_ID.matcher(accessKeyId).matches() ? accessKeyId : DEFAULT_ACCOUNT;
    }
}
