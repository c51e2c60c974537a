package io.kasumi.server;

import io.kasumi.auth.AuthErrors;
import io.kasumi.auth.Authenticator;
import io.kasumi.auth.CallerIdentity;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.services.ServiceInfo;

/**
 * Authenticates with the error family of the service a request was routed to: S3's own codes,
 * the query services' codes, or the json services' "…Exception" codes. Only S3 serves anonymous
 * requests when signatures are verified.
 */
public final class ServiceAuthenticator implements RequestAuthenticator {
    private final Authenticator authenticator;

    public ServiceAuthenticator(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public CallerIdentity authenticate(HttpRequest request, ServiceInfo service) {
        boolean s3 = service.name().equals("s3");
        return authenticator.authenticate(request, errorStyle(service), s3);
    }

    static AuthErrors errorStyle(ServiceInfo service) {
        if (service.name().equals("s3")) {
            return AuthErrors.S3;
        }
        String protocol = service.protocols().getFirst();
        return switch (protocol) {
            case "query", "ec2", "rest-xml" -> AuthErrors.QUERY;
            default -> AuthErrors.JSON;
        };
    }
}
