package io.kasumi.services;

import io.kasumi.KasumiConfig;
import io.kasumi.auth.CredentialRegistry;
import io.kasumi.clock.ClockTasks;
import io.kasumi.clock.VirtualClock;
import io.kasumi.store.BlobStore;
import io.kasumi.store.KeyValueStore;

/**
 * What a service is built from: the instance's clock, store and credentials. Services keep their
 * state in the store under keys that start with their own name, and large bodies in the blob store;
 * they reach each other through {@link ServiceLinks}, and run expiry and evaluation through {@link ClockTasks}.
 */
public record ServiceContext(KasumiConfig config, VirtualClock clock, KeyValueStore store, BlobStore blobs,
                             CredentialRegistry credentials, ServiceLinks links, ClockTasks tasks) {
}
