package io.kasumi.protocol.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.kasumi.api.AwsException;
import io.kasumi.model.ErrorTrait;
import io.kasumi.model.Member;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ProtocolCodecs;
import io.kasumi.protocol.ResponseBody;
import io.kasumi.protocol.conformance.CaseResult.CodecMissing;
import io.kasumi.protocol.conformance.CaseResult.Failed;
import io.kasumi.protocol.conformance.CaseResult.Passed;
import io.kasumi.protocol.conformance.ConformanceCase.Kind;
import io.kasumi.protocol.conformance.ConformanceCase.MalformedCase;
import io.kasumi.protocol.conformance.ConformanceCase.RequestCase;
import io.kasumi.protocol.conformance.ConformanceCase.ResponseCase;
import io.kasumi.protocol.conformance.ParamsConverter.Purpose;
import io.kasumi.protocol.validation.ModelValidator;
import software.amazon.smithy.protocoltests.traits.HttpMalformedResponseBodyDefinition;
import software.amazon.smithy.protocoltests.traits.HttpMalformedResponseDefinition;
import software.amazon.smithy.protocoltests.traits.HttpResponseTestCase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Runs conformance cases against the codecs, one case at a time, and says what happened. */
public final class CaseRunner {
    /** The request id the suites' error bodies expect (awsQuery, ec2Query). */
    static final String REQUEST_ID = "foo-id";
    private static final int MAX_BODY_SHOWN = 1500;

    private final Map<ConformanceProtocol, ProtocolCodec> codecs;
    private final String missingReason;

    private CaseRunner(Map<ConformanceProtocol, ProtocolCodec> codecs, String missingReason) {
        this.codecs = codecs;
        this.missingReason = missingReason;
    }

    /** A runner over every codec Kasumi ships; a protocol without one reports its cases as codec missing. */
    public static CaseRunner withStandardCodecs() {
        ProtocolCodecs standard;
        try {
            standard = ProtocolCodecs.standard();
        } catch (RuntimeException | LinkageError e) {
            return new CaseRunner(Map.of(), "ProtocolCodecs.standard() failed: " + e);
        }
        Map<ConformanceProtocol, ProtocolCodec> found = new EnumMap<>(ConformanceProtocol.class);
        for (ConformanceProtocol protocol : ConformanceProtocol.values()) {
            try {
                found.put(protocol, standard.byName(protocol.botocoreName()));
            } catch (AwsException e) {
                // not registered yet
            }
        }
        return new CaseRunner(found, null);
    }

    public boolean hasCodec(ConformanceProtocol protocol) {
        return codecs.containsKey(protocol);
    }

    public CaseResult run(ConformanceCase c) {
        ProtocolCodec codec = codecs.get(c.protocol());
        if (codec == null) {
            return new CodecMissing(c.protocol().botocoreName() + (missingReason == null ? "" : " (" + missingReason + ")"));
        }
        try {
            List<String> problems = switch (c) {
                case RequestCase r -> request(codec, r);
                case ResponseCase r -> response(codec, r);
                case MalformedCase m -> malformed(codec, m);
            };
            return problems.isEmpty() ? new Passed() : new Failed(String.join("\n", problems));
        } catch (RuntimeException | StackOverflowError e) {
            return new Failed("threw " + describe(e) + context(c));
        }
    }

    // ---- requests

    private static List<String> request(ProtocolCodec codec, RequestCase c) {
        ServiceModel model = c.model();
        HttpRequest request = TestRequests.of(c);
        Operation operation = codec.resolveOperation(model, request);
        if (operation == null || !operation.name().equals(c.operation())) {
            return List.of("resolved operation " + (operation == null ? null : operation.name()) + ", expected " + c.operation()
                    + context(c));
        }
        Map<String, Object> actual = codec.parseRequest(model, operation, request);
        StructureShape input = operation.input();
        Map<String, Object> expected = new ParamsConverter(Purpose.COMPARE).structure(c.test().getParams(), input);
        List<String> problems = new ArrayList<>(TreeDiff.of(c.protocol(), input, expected, actual));
        if (!problems.isEmpty()) {
            problems.add("expected params: " + TreeDiff.describe(expected));
            problems.add("parsed params:   " + TreeDiff.describe(actual) + context(c));
        }
        return problems;
    }

    // ---- responses

    private static List<String> response(ProtocolCodec codec, ResponseCase c) {
        ServiceModel model = c.model();
        Operation operation = model.operation(c.operation());
        ParamsConverter converter = new ParamsConverter(Purpose.SERIALIZE);
        // a case that checks the request id header names the id the server chose
        String requestId = c.test().getHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("X-Amzn-RequestId")).map(Map.Entry::getValue)
                .findFirst().orElse(REQUEST_ID);
        HttpResponse response;
        if (c.errorShape() == null) {
            Map<String, Object> output = converter.structure(c.test().getParams(), operation.output());
            response = codec.serializeResponse(model, operation, output, requestId);
        } else {
            StructureShape shape = (StructureShape) model.shape(c.errorShape());
            response = codec.serializeError(model, operation, error(shape, converter.structure(c.test().getParams(), shape)), requestId);
        }
        return checkResponse(c.test(), response);
    }

    /** The error a service would throw: the shape's message member as message, the rest as fields. */
    static AwsException error(StructureShape shape, Map<String, Object> tree) {
        Map<String, Object> fields = new LinkedHashMap<>(tree);
        String message = null;
        for (Member member : shape.members().values()) {
            if (member.name().equalsIgnoreCase("message") && fields.get(member.name()) instanceof String text) {
                message = text;
                fields.remove(member.name());
            }
        }
        ErrorTrait trait = shape.traits().error();
        int status = trait == null ? 400 : trait.httpStatus();
        boolean sender = trait == null || trait.senderFault();
        return new AwsException(shape.name(), message, status, sender, fields);
    }

    private static List<String> checkResponse(HttpResponseTestCase test, HttpResponse response) {
        List<String> problems = new ArrayList<>();
        if (response.status() != test.getCode()) {
            problems.add("status: expected " + test.getCode() + ", got " + response.status());
        }
        byte[] body = bodyBytes(response.body());
        problems.addAll(headerProblems(test.getHeaders(), test.getForbidHeaders(), test.getRequireHeaders(), response, body));
        test.getBody().ifPresent(expected ->
                BodyComparison.compare(test.getBodyMediaType().orElse(null), expected, body).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            problems.add("response: " + response.status() + "\n" + indent(response.headers().toString()) + "  body: " + show(body));
        }
        return problems;
    }

    /**
     * Header checks. Content-Length is the HTTP server's to write from the body, so when the codec
     * leaves it out it is taken from the body's length.
     */
    private static List<String> headerProblems(Map<String, String> expected, List<String> forbid, List<String> require,
                                               HttpResponse response, byte[] body) {
        List<String> problems = new ArrayList<>();
        expected.forEach((name, value) -> {
            List<String> actual = response.headers().all(name);
            if (actual.isEmpty() && name.equalsIgnoreCase("Content-Length")) {
                actual = List.of(Integer.toString(body.length));
            }
            if (actual.isEmpty()) {
                problems.add("header " + name + ": expected \"" + value + "\", missing");
            } else if (!headerValue(value).equals(headerValue(String.join(",", actual)))) {
                problems.add("header " + name + ": expected \"" + value + "\", got \"" + String.join(", ", actual) + "\"");
            }
        });
        forbid.stream().filter(response.headers()::contains)
                .forEach(name -> problems.add("header " + name + " must be absent, got \"" + response.headers().first(name) + "\""));
        require.stream().filter(name -> !response.headers().contains(name))
                .forEach(name -> problems.add("header " + name + " must be present"));
        return problems;
    }

    /** A header value as a list of comma-separated items without the optional spaces. */
    private static List<String> headerValue(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    // ---- malformed requests

    /**
     * Runs the server's pipeline (route, parse, validate) and checks the error response. For
     * validation cases only status and error type are checked: their bodies are the Smithy server
     * framework's ValidationException ("fieldList", JSON-pointer paths), not the message AWS
     * services (and Kasumi) write for a constraint violation.
     */
    private static List<String> malformed(ProtocolCodec codec, MalformedCase c) {
        ServiceModel model = c.model();
        HttpRequest request = TestRequests.of(c.test().getRequest());
        Operation operation = null;
        AwsException error;
        try {
            operation = codec.resolveOperation(model, request);
            Map<String, Object> parsed = codec.parseRequest(model, operation, request);
            // as the server does before a service runs
            ModelValidator.forService(model).check(operation.input(), parsed);
            return List.of("accepted the malformed request as " + operation.name() + " " + TreeDiff.describe(parsed) + context(c));
        } catch (AwsException e) {
            error = e;
        }
        HttpResponse response = codec.serializeError(model, operation, error, REQUEST_ID);
        HttpMalformedResponseDefinition expected = c.test().getResponse();
        List<String> problems = new ArrayList<>();
        if (response.status() != expected.getCode()) {
            problems.add("status: expected " + expected.getCode() + ", got " + response.status());
        }
        byte[] body = bodyBytes(response.body());
        problems.addAll(headerProblems(expected.getHeaders(), List.of(), List.of(), response, body));
        if (c.kind() == Kind.MALFORMED) {
            expected.getBody().ifPresent(definition -> malformedBody(definition, body).ifPresent(problems::add));
        }
        if (!problems.isEmpty()) {
            problems.add("thrown: " + describe(error));
            problems.add("response: " + response.status() + "\n" + indent(response.headers().toString()) + "  body: " + show(body)
                    + context(c));
        }
        return problems;
    }

    private static Optional<String> malformedBody(HttpMalformedResponseBodyDefinition definition, byte[] body) {
        if (definition.getContents().isPresent()) {
            return BodyComparison.compare(definition.getMediaType(), definition.getContents().get(), body);
        }
        Optional<String> regex = definition.getMessageRegex();
        if (regex.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> json = BodyComparison.readJson(body);
        JsonNode message = json.map(node -> node.has("message") ? node.get("message") : node.get("Message")).orElse(null);
        if (message == null || !message.isTextual()) {
            return Optional.of("body: expected a message matching /" + regex.get() + "/, found none");
        }
        return Pattern.compile(regex.get()).matcher(message.asText()).matches() ? Optional.empty()
                : Optional.of("message: expected to match /" + regex.get() + "/, got \"" + message.asText() + "\"");
    }

    // ---- helpers

    static byte[] bodyBytes(ResponseBody body) {
        try {
            return switch (body) {
                case null -> new byte[0];
                case ResponseBody.Empty e -> new byte[0];
                case ResponseBody.Bytes b -> b.bytes();
                case ResponseBody.Stream s -> {
                    try (InputStream in = s.stream()) {
                        yield in.readAllBytes();
                    }
                }
                case ResponseBody.Writer w -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    w.writer().writeTo(out);
                    yield out.toByteArray();
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request of a case, for failure messages. */
    private static String context(ConformanceCase c) {
        HttpRequest request = switch (c) {
            case RequestCase r -> TestRequests.of(r);
            case MalformedCase m -> TestRequests.of(m.test().getRequest());
            case ResponseCase r -> null;
        };
        if (request == null) {
            return "";
        }
        return "\nrequest: " + request + "\n" + indent(request.headers().toString()) + "  body: " + show(request.bodyBytes());
    }

    private static String show(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        boolean printable = text.chars().allMatch(ch -> ch >= 0x20 || ch == '\n' || ch == '\r' || ch == '\t');
        if (!printable) {
            text = "base64 " + java.util.Base64.getEncoder().encodeToString(body);
        }
        return text.length() > MAX_BODY_SHOWN ? text.substring(0, MAX_BODY_SHOWN) + "…" : text;
    }

    private static String indent(String lines) {
        return lines.lines().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }

    static String describe(Throwable e) {
        if (e instanceof AwsException aws) {
            return "AwsException " + aws.code() + " (" + aws.httpStatus() + "): " + aws.getMessage();
        }
        String where = Arrays.stream(e.getStackTrace()).limit(6).map(f -> "\n    at " + f).collect(Collectors.joining());
        return e.getClass().getName() + ": " + e.getMessage() + where;
    }
}
