package io.kasumi.services.sns;

import io.kasumi.api.RequestContext;
import io.kasumi.api.sns.CreateEndpointResponse;
import io.kasumi.api.sns.CreatePlatformApplicationInput;
import io.kasumi.api.sns.CreatePlatformApplicationResponse;
import io.kasumi.api.sns.CreatePlatformEndpointInput;
import io.kasumi.api.sns.Endpoint;
import io.kasumi.api.sns.EndpointDisabledException;
import io.kasumi.api.sns.ListEndpointsByPlatformApplicationResponse;
import io.kasumi.api.sns.ListPlatformApplicationsResponse;
import io.kasumi.api.sns.NotFoundException;
import io.kasumi.api.sns.PlatformApplication;
import io.kasumi.api.sns.PlatformApplicationDisabledException;
import io.kasumi.shared.Arn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Platform applications and their endpoints (mobile push): the SNS operations behind them. */
final class MobilePush {
    private static final Set<String> PLATFORMS = Set.of("APNS", "APNS_SANDBOX", "APNS_VOIP", "APNS_VOIP_SANDBOX",
            "GCM", "ADM", "BAIDU", "MPNS", "MPNS_VOIP", "WNS", "MACOS", "MACOS_SANDBOX");
    private static final Pattern APPLICATION_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final Set<String> APPLICATION_ATTRIBUTES = Set.of(PlatformApplicationRecord.PLATFORM_CREDENTIAL,
            PlatformApplicationRecord.PLATFORM_PRINCIPAL, "EventEndpointCreated", "EventEndpointDeleted",
            "EventEndpointUpdated", "EventDeliveryFailure", "SuccessFeedbackRoleArn", "FailureFeedbackRoleArn",
            "SuccessFeedbackSampleRate", "ApplePlatformTeamID", "ApplePlatformBundleID", "AuthenticationMethod",
            PlatformApplicationRecord.ENABLED);
    private static final Set<String> ENDPOINT_ATTRIBUTES = Set.of(EndpointRecord.TOKEN, EndpointRecord.ENABLED,
            EndpointRecord.CUSTOM_USER_DATA);

    private final PlatformRegistry registry;

    MobilePush(PlatformRegistry registry) {
        this.registry = registry;
    }

    // ---- applications

    CreatePlatformApplicationResponse createApplication(RequestContext context, CreatePlatformApplicationInput input) {
        String name = input.name();
        if (name == null || !APPLICATION_NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter("Name Reason: Application names must be made up of only uppercase "
                    + "and lowercase ASCII letters, numbers, "
                    + "underscores, hyphens, and periods, and must be between 1 and 256 characters long.");
        }
        if (input.platform() == null || !PLATFORMS.contains(input.platform())) {
            throw SnsErrors.invalidParameter("Platform Reason: " + input.platform() + " is not supported");
        }
        Map<String, String> attributes = checkedApplicationAttributes(input.attributes());
        PlatformApplicationRecord created = new PlatformApplicationRecord(context.account(), context.region(),
                input.platform(), name, attributes);
        // creating an existing application again updates its attributes and answers its ARN
        registry.application(created.arn()).ifPresentOrElse(
                existing -> registry.put(existing.withAttributes(merged(existing.attributes(), attributes))),
                () -> registry.put(created));
        return new CreatePlatformApplicationResponse(created.arn());
    }

    Map<String, String> applicationAttributes(String arn) {
        return application(arn).visibleAttributes();
    }

    void setApplicationAttributes(String arn, Map<String, String> attributes) {
        PlatformApplicationRecord application = application(arn);
        Map<String, String> checked = checkedApplicationAttributes(attributes);
        registry.put(application.withAttributes(merged(application.attributes(), checked)));
    }

    ListPlatformApplicationsResponse listApplications(RequestContext context, String nextToken) {
        Pages.Page<PlatformApplicationRecord> page = Pages.page(registry.applications(context.account(), context.region()),
                PlatformApplicationRecord::arn, nextToken);
        return new ListPlatformApplicationsResponse(page.items().stream()
                .map(a -> new PlatformApplication(a.arn(), a.visibleAttributes())).toList(), page.nextToken());
    }

    void deleteApplication(String arn) {
        checkArn(arn, "PlatformApplicationArn", "app/");
        registry.application(arn).ifPresent(registry::delete);
    }

    private PlatformApplicationRecord application(String arn) {
        checkArn(arn, "PlatformApplicationArn", "app/");
        return registry.application(arn).orElseThrow(() -> new NotFoundException("PlatformApplication does not exist"));
    }

    private static Map<String, String> checkedApplicationAttributes(Map<String, String> requested) {
        Map<String, String> out = new LinkedHashMap<>();
        if (requested != null) {
            requested.forEach((name, value) -> {
                if (!APPLICATION_ATTRIBUTES.contains(name)) {
                    throw SnsErrors.invalidParameter("Attributes Reason: Invalid attribute name: " + name);
                }
                if (name.equals(PlatformApplicationRecord.ENABLED)) {
                    checkBoolean(name, value);
                }
                out.put(name, value == null ? "" : value);
            });
        }
        return out;
    }

    // ---- endpoints

    CreateEndpointResponse createEndpoint(RequestContext context, CreatePlatformEndpointInput input) {
        PlatformApplicationRecord application = application(input.platformApplicationArn());
        if (input.token() == null || input.token().isEmpty()) {
            throw SnsErrors.invalidParameter("Token Reason: cannot be empty");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(EndpointRecord.ENABLED, "true");
        attributes.putAll(checkedEndpointAttributes(input.attributes()));
        attributes.put(EndpointRecord.TOKEN, input.token());
        if (input.customUserData() != null) {
            attributes.put(EndpointRecord.CUSTOM_USER_DATA, input.customUserData());
        }
        String arn = "arn:aws:sns:" + application.region() + ":" + application.account() + ":endpoint/"
                + application.platform() + "/" + application.name() + "/" + UUID.randomUUID();
        EndpointRecord endpoint = new EndpointRecord(arn, application.arn(), application.platform(), attributes,
                context.now().toEpochMilli());
        EndpointRecord created = registry.create(endpoint, existing -> {
            boolean same = Objects.equals(existing.attributes().get(EndpointRecord.CUSTOM_USER_DATA),
                    attributes.get(EndpointRecord.CUSTOM_USER_DATA))
                    && existing.enabled() == endpoint.enabled();
            if (!same) {
                throw SnsErrors.invalidParameter("Token Reason: Endpoint " + existing.arn()
                        + " already exists with the same Token, but different attributes.");
            }
            return existing;
        });
        return new CreateEndpointResponse(created.arn());
    }

    Map<String, String> endpointAttributes(String arn) {
        return endpoint(arn).attributes();
    }

    void setEndpointAttributes(String arn, Map<String, String> attributes) {
        EndpointRecord endpoint = endpoint(arn);
        Map<String, String> checked = checkedEndpointAttributes(attributes);
        if (checked.containsKey(EndpointRecord.TOKEN) && checked.get(EndpointRecord.TOKEN).isEmpty()) {
            throw SnsErrors.invalidParameter("Token Reason: cannot be empty");
        }
        registry.update(endpoint.withAttributes(checked));
    }

    ListEndpointsByPlatformApplicationResponse listEndpoints(String applicationArn, String nextToken) {
        PlatformApplicationRecord application = application(applicationArn);
        Pages.Page<EndpointRecord> page = Pages.page(registry.endpointsOf(application.arn()), EndpointRecord::arn, nextToken);
        return new ListEndpointsByPlatformApplicationResponse(page.items().stream()
                .map(e -> new Endpoint(e.arn(), e.attributes())).toList(), page.nextToken());
    }

    void deleteEndpoint(String arn) {
        checkArn(arn, "EndpointArn", "endpoint/");
        registry.endpoint(arn).ifPresent(registry::delete);
    }

    private EndpointRecord endpoint(String arn) {
        checkArn(arn, "EndpointArn", "endpoint/");
        return registry.endpoint(arn).orElseThrow(() -> new NotFoundException("Endpoint does not exist"));
    }

    private static Map<String, String> checkedEndpointAttributes(Map<String, String> requested) {
        Map<String, String> out = new LinkedHashMap<>();
        if (requested != null) {
            requested.forEach((name, value) -> {
                if (!ENDPOINT_ATTRIBUTES.contains(name)) {
                    throw SnsErrors.invalidParameter("Attributes Reason: Invalid attribute name: " + name);
                }
                if (name.equals(EndpointRecord.ENABLED)) {
                    checkBoolean(name, value);
                }
                out.put(name, value == null ? "" : value);
            });
        }
        return out;
    }

    // ---- publishing

    /** The endpoint Publish with this TargetArn reaches; fails as SNS does when it cannot take messages. */
    EndpointRecord publishTarget(String targetArn) {
        EndpointRecord endpoint = registry.endpoint(targetArn).orElseThrow(() ->
                SnsErrors.invalidParameter("TargetArn Reason: No endpoint found for the target arn specified"));
        if (!endpoint.enabled()) {
            throw new EndpointDisabledException("Endpoint is disabled");
        }
        boolean applicationEnabled = registry.application(endpoint.applicationArn())
                .map(PlatformApplicationRecord::enabled).orElse(false);
        if (!applicationEnabled) {
            throw new PlatformApplicationDisabledException("Platform application is disabled");
        }
        return endpoint;
    }

    // ---- helpers

    private static void checkArn(String arn, String parameter, String resourcePrefix) {
        boolean valid = Arn.parse(arn).filter(a -> a.service().equals("sns") && a.resource().startsWith(resourcePrefix))
                .isPresent();
        if (!valid) {
            throw SnsErrors.invalidParameter(parameter);
        }
    }

    private static void checkBoolean(String name, String value) {
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw SnsErrors.invalidParameter("Attributes Reason: " + name + ": Invalid value [" + value
                    + "]. Must be true or false.");
        }
    }

    private static Map<String, String> merged(Map<String, String> current, Map<String, String> changes) {
        Map<String, String> out = new LinkedHashMap<>(current);
        out.putAll(changes);
        return out;
    }
}
