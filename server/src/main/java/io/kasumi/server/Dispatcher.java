package io.kasumi.server;

import io.kasumi.api.AwsException;
import io.kasumi.api.OperationHandler;
import io.kasumi.api.RequestContext;
import io.kasumi.auth.CallerIdentity;
import io.kasumi.clock.VirtualClock;
import io.kasumi.model.Member;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ProtocolCodecs;
import io.kasumi.routing.ServiceRouter;
import io.kasumi.services.ServiceCatalog;
import io.kasumi.services.ServiceInfo;
import io.kasumi.services.ServiceModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One request's way through Kasumi: CORS and internal endpoints first, then route, authenticate,
 * resolve the operation, parse, validate, run the service and serialize, in the protocol the
 * client spoke. Every failure becomes that protocol's AWS error; the server keeps serving.
 */
public final class Dispatcher implements Function<HttpRequest, HttpResponse> {
    private static final Logger LOG = LoggerFactory.getLogger("kasumi.request");
    /** Bodies of operations without a streaming payload are buffered; this bounds them. */
    static final long MAX_BUFFERED_BODY = 100L * 1024 * 1024;
    /** S3's largest single PUT is 5 GiB; aws-chunked framing adds a little. */
    static final long MAX_STREAMED_BODY = 5L * 1024 * 1024 * 1024 + 64L * 1024 * 1024;

    private final ServiceCatalog catalog;
    private final ServiceRouter router;
    private final ProtocolCodecs codecs;
    private final Map<String, ServiceModule> modules;
    private final Predicate<String> enabled;
    private final RequestAuthenticator authenticator;
    private final InputValidator validator;
    private final VirtualClock clock;
    private final InternalEndpoints internal;
    private final DataPlanes dataPlanes;
    private final RequestIds ids = new RequestIds();

    public Dispatcher(ServiceCatalog catalog, ProtocolCodecs codecs, Map<String, ServiceModule> modules,
                      Predicate<String> enabled, RequestAuthenticator authenticator, InputValidator validator,
                      VirtualClock clock, String version) {
        this.catalog = catalog;
        this.router = new ServiceRouter(catalog);
        this.codecs = codecs;
        this.modules = Map.copyOf(modules);
        this.enabled = enabled;
        this.authenticator = authenticator;
        this.validator = validator;
        this.clock = clock;
        this.internal = new InternalEndpoints(catalog, this.modules, enabled, clock, version);
        this.dataPlanes = new DataPlanes(this.modules);
    }

    @Override
    public HttpResponse apply(HttpRequest request) {
        long started = System.nanoTime();
        Outcome outcome;
        Optional<DataPlanes.Match> plane = dataPlanes.find(request.host(), request.rawPath());
        if (plane.isPresent()) {
            outcome = serveDataPlane(plane.get(), request);
        } else if (Cors.isPreflight(request)) {
            outcome = new Outcome("-", "preflight", Cors.preflight(request), ids.next());
        } else if (InternalEndpoints.matches(request)) {
            outcome = new Outcome("kasumi", request.rawPath(), internal.handle(request), ids.next());
        } else {
            outcome = serve(request);
        }
        HttpResponse response = outcome.response();
        if ("s3".equals(outcome.service())) {
            response.headers().set("x-amz-request-id", outcome.requestId()).set("x-amz-id-2", ids.s3HostId());
        } else {
            response.headers().set("x-amzn-RequestId", outcome.requestId());
        }
        if (plane.isEmpty()) {
            Cors.decorate(request, response);
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {} ms", outcome.service(), outcome.operation(), response.status(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return response;
    }

    /** @param requestId the id in the response headers, and in the body where the protocol puts one */
    private record Outcome(String service, String operation, HttpResponse response, String requestId) {
    }

    /** A request to a service's own hosts: the service answers it whole, its CORS and errors included. */
    private Outcome serveDataPlane(DataPlanes.Match match, HttpRequest request) {
        String requestId = ids.next();
        try {
            return new Outcome(match.service(), "data-plane", match.plane().handler().apply(request), requestId);
        } catch (RuntimeException e) {
            LOG.error("{} data plane failed unexpectedly", match.service(), e);
            return new Outcome(match.service(), "data-plane",
                    HttpResponse.text(500, "application/json", "{\"message\":\"Internal server error\"}"), requestId);
        }
    }

    private Outcome serve(HttpRequest request) {
        LimitedInputStream body = new LimitedInputStream(request.body(), MAX_BUFFERED_BODY, declaredLength(request));
        request.replaceBody(body);
        Optional<ServiceInfo> routed;
        try {
            routed = router.route(request);
        } catch (AwsException e) {
            String requestId = ids.next();
            return new Outcome("-", "-", UnknownService.response(request, e.code(), e.getMessage(), e.httpStatus(), requestId), requestId);
        }
        if (routed.isEmpty()) {
            String requestId = ids.next();
            return new Outcome("-", "-", UnknownService.response(request, requestId), requestId);
        }
        ServiceInfo info = routed.get();
        String requestId = info.name().equals("s3") ? ids.s3RequestId() : ids.next();
        ServiceModel model = catalog.model(info.name());
        ProtocolCodec codec = codecs.forRequest(model, request);
        Operation operation = null;
        try {
            CallerIdentity caller = authenticator.authenticate(request, info);
            operation = codec.resolveOperation(model, request);
            if (hasStreamingPayload(operation)) {
                body.raiseLimit(MAX_STREAMED_BODY);
            }
            Map<String, Object> input = codec.parseRequest(model, operation, request);
            validator.validate(model, operation, input);
            OperationHandler handler = handler(info, model, operation);
            RequestContext context = new RequestContext(requestId, caller.account(), caller.region(),
                    caller.accessKeyId(), caller.principalArn(), endpoint(request), clock.instant());
            Map<String, Object> output = handler.handle(context, input);
            return new Outcome(info.name(), operation.name(),
                    codec.serializeResponse(model, operation, output == null ? Map.of() : output, requestId), requestId);
        } catch (AwsException e) {
            return new Outcome(info.name(), name(operation), codec.serializeError(model, operation, e, requestId), requestId);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", info.name(), name(operation), e);
            AwsException internalError = AwsException.internal("We encountered an internal error. Please try again.");
            return new Outcome(info.name(), name(operation), codec.serializeError(model, operation, internalError, requestId), requestId);
        }
    }

    private OperationHandler handler(ServiceInfo info, ServiceModel model, Operation operation) {
        if (!enabled.test(info.name())) {
            throw new AwsException("NotImplemented", "The service " + info.name()
                    + " is not enabled in this Kasumi; start it with --services including " + info.name(), 501, false);
        }
        ServiceModule module = modules.get(info.name());
        OperationHandler handler = module == null ? null : module.handlers().get(operation.name());
        if (handler == null) {
            throw AwsException.notImplemented(model.serviceId(), operation.name());
        }
        return handler;
    }

    private static boolean hasStreamingPayload(Operation operation) {
        if (operation.input() == null) {
            return false;
        }
        Member payload = operation.input().payloadMember();
        return payload != null && payload.isStreaming();
    }

    private static long declaredLength(HttpRequest request) {
        String length = request.headers().first("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String name(Operation operation) {
        return operation == null ? "-" : operation.name();
    }

    /** The base URL as the client reached us, for URLs services hand out (queue URLs, ...). */
    private static String endpoint(HttpRequest request) {
        String host = request.headers().first("Host");
        return "http://" + (host == null ? "localhost:4566" : host);
    }
}
