package io.kasumi.server;

import io.kasumi.auth.CallerIdentity;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.services.ServiceInfo;

/** Establishes the caller of a request or throws the AWS error that refuses it. */
@FunctionalInterface
public interface RequestAuthenticator {
    CallerIdentity authenticate(HttpRequest request, ServiceInfo service);
}
