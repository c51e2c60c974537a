package io.kasumi.services.sts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.api.AwsException;
import io.kasumi.api.RequestContext;
import io.kasumi.api.sts.AssumeRoleRequest;
import io.kasumi.api.sts.AssumeRoleResponse;
import io.kasumi.api.sts.AssumedRoleUser;
import io.kasumi.api.sts.Credentials;
import io.kasumi.api.sts.GetAccessKeyInfoRequest;
import io.kasumi.api.sts.GetAccessKeyInfoResponse;
import io.kasumi.api.sts.GetCallerIdentityRequest;
import io.kasumi.api.sts.GetCallerIdentityResponse;
import io.kasumi.api.sts.GetSessionTokenRequest;
import io.kasumi.api.sts.GetSessionTokenResponse;
import io.kasumi.api.sts.MalformedPolicyDocumentException;
import io.kasumi.api.sts.PackedPolicyTooLargeException;
import io.kasumi.api.sts.StsApi;
import io.kasumi.api.sts.Tag;
import io.kasumi.auth.CredentialRegistry;
import io.kasumi.shared.Arn;
import io.kasumi.shared.AwsIds;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * AWS Security Token Service: who am I, and temporary credentials that work against every other
 * service of this Kasumi (they are registered with the credential registry as they are issued).
 */
final class StsService implements StsApi {
    private static final Duration DEFAULT_ROLE_DURATION = Duration.ofHours(1);
    private static final Duration CHAINED_ROLE_LIMIT = Duration.ofHours(1);
    private static final Duration DEFAULT_SESSION_TOKEN_DURATION = Duration.ofHours(12);
    private static final Duration ROOT_SESSION_TOKEN_LIMIT = Duration.ofHours(1);
    /** Session policies and tags are packed into this many bytes before PackedPolicyTooLarge. */
    private static final int PACKED_POLICY_LIMIT = 2048;

    private final StsSessions sessions;
    private final CredentialRegistry registry;
    private final AwsIds ids = new AwsIds();
    private final ObjectMapper json = new ObjectMapper();

    StsService(StsSessions sessions, CredentialRegistry registry) {
        this.sessions = sessions;
        this.registry = registry;
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity(RequestContext context, GetCallerIdentityRequest input) {
        return sessions.find(context.accessKeyId())
                .map(session -> new GetCallerIdentityResponse(session.userId(), session.account(), session.arn()))
                .orElseGet(() -> {
                    String arn = context.principalArn() != null ? context.principalArn() : rootArn(context.account());
                    String userId = arn.endsWith(":root") ? context.account() : context.accessKeyId();
                    return new GetCallerIdentityResponse(userId, context.account(), arn);
                });
    }

    @Override
    public AssumeRoleResponse assumeRole(RequestContext context, AssumeRoleRequest input) {
        Arn role = Arn.parse(input.roleArn())
                .filter(arn -> arn.service().equals("iam") && arn.resourceType().equals("role") && arn.account().matches("\\d{12}"))
                .orElseThrow(() -> AwsException.sender("ValidationError", "Request ARN is invalid"));
        boolean chained = sessions.find(context.accessKeyId()).map(StsSession::roleSession).orElse(false);
        Duration duration = input.durationSeconds() == null ? DEFAULT_ROLE_DURATION : Duration.ofSeconds(input.durationSeconds());
        if (chained && duration.compareTo(CHAINED_ROLE_LIMIT) > 0) {
            throw AwsException.sender("ValidationError",
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        Integer packedPolicySize = packedPolicySize(input);

        String roleName = role.resourceName();
        String roleId = AwsIds.stableUniqueId("AROA", role.toString());
        String assumedRoleId = roleId + ":" + input.roleSessionName();
        String assumedRoleArn = "arn:" + role.partition() + ":sts::" + role.account() + ":assumed-role/" + roleName + "/" + input.roleSessionName();
        StsSession session = issue(role.account(), assumedRoleArn, assumedRoleId, context.now().plus(duration),
                true, input.sourceIdentity(), tags(input.tags()));
        return new AssumeRoleResponse(credentials(session), new AssumedRoleUser(assumedRoleId, assumedRoleArn),
                packedPolicySize, input.sourceIdentity());
    }

    @Override
    public GetSessionTokenResponse getSessionToken(RequestContext context, GetSessionTokenRequest input) {
        if (sessions.find(context.accessKeyId()).isPresent()) {
            throw new AwsException("AccessDenied", "Cannot call GetSessionToken with session credentials", 403, true);
        }
        Duration duration = input.durationSeconds() == null ? DEFAULT_SESSION_TOKEN_DURATION : Duration.ofSeconds(input.durationSeconds());
        String arn = context.principalArn() != null ? context.principalArn() : rootArn(context.account());
        if (arn.endsWith(":root") && duration.compareTo(ROOT_SESSION_TOKEN_LIMIT) > 0) {
            duration = ROOT_SESSION_TOKEN_LIMIT;
        }
        String userId = arn.endsWith(":root") ? context.account() : context.accessKeyId();
        StsSession session = issue(context.account(), arn, userId, context.now().plus(duration), false, null, Map.of());
        return new GetSessionTokenResponse(credentials(session));
    }

    @Override
    public GetAccessKeyInfoResponse getAccessKeyInfo(RequestContext context, GetAccessKeyInfoRequest input) {
        return new GetAccessKeyInfoResponse(registry.accountFor(input.accessKeyId()));
    }

    private StsSession issue(String account, String arn, String userId, Instant expiration, boolean roleSession,
                             String sourceIdentity, Map<String, String> tags) {
        StsSession session = new StsSession(ids.accessKeyId("ASIA"), ids.secretAccessKey(), ids.sessionToken(),
                account, arn, userId, expiration.toEpochMilli(), roleSession, sourceIdentity, tags);
        sessions.add(session);
        return session;
    }

    private static Credentials credentials(StsSession session) {
        return new Credentials(session.accessKeyId(), session.secretAccessKey(), session.sessionToken(), session.expiration());
    }

    private static String rootArn(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach(tag -> out.put(tag.key(), tag.value()));
        }
        return out;
    }

    /**
     * AWS compresses session policies and tags into a packed binary form and reports how much of
     * its allotment they use; without a session policy or tags it reports nothing.
     */
    private Integer packedPolicySize(AssumeRoleRequest input) {
        boolean hasPolicyArns = input.policyArns() != null && !input.policyArns().isEmpty();
        boolean hasTags = input.tags() != null && !input.tags().isEmpty();
        if (input.policy() == null && !hasPolicyArns && !hasTags) {
            return null;
        }
        StringBuilder packed = new StringBuilder();
        if (input.policy() != null) {
            packed.append(minifiedPolicy(input.policy()));
        }
        if (hasPolicyArns) {
            input.policyArns().forEach(p -> packed.append(p.arn()));
        }
        if (hasTags) {
            input.tags().forEach(t -> packed.append(t.key()).append(t.value()));
        }
        int percent = (int) Math.ceil(deflatedLength(packed.toString()) * 100.0 / PACKED_POLICY_LIMIT);
        if (percent > 100) {
            throw new PackedPolicyTooLargeException("Packed policy consumes " + percent
                    + "% of allotted space, please use smaller policy for this request.");
        }
        return percent;
    }

    private String minifiedPolicy(String policy) {
        try {
            JsonNode node = json.readTree(policy);
            if (node == null || !node.isObject()) {
                throw new MalformedPolicyDocumentException("The policy is not in the valid JSON format.");
            }
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new MalformedPolicyDocumentException("The policy is not in the valid JSON format.");
        }
    }

    private static int deflatedLength(String text) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.size();
    }
}
