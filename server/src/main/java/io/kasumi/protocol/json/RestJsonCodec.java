package io.kasumi.protocol.json;

import io.kasumi.api.AwsException;
import io.kasumi.api.StreamingBody;
import io.kasumi.model.Location;
import io.kasumi.model.Member;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ShapeType;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ResponseBody;
import io.kasumi.protocol.codec.CodecErrors;
import io.kasumi.protocol.codec.ModelDefaults;
import io.kasumi.protocol.codec.ScalarText;
import io.kasumi.protocol.rest.HttpBindings;
import io.kasumi.protocol.rest.HttpBindingsCache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * AWS restJson1 (botocore "rest-json"): operations matched by method and URI template, members
 * bound to labels, query, headers and status by {@link HttpBindings}, the rest in a JSON body,
 * or a payload member alone in the body (a structure as JSON, a blob as raw bytes, a string as
 * text).
 *
 * <p>Errors carry their code in {@code x-amzn-ErrorType}, their status from the error trait and
 * a JSON body with the error shape's members and the message. An unmatched route answers
 * 404 {@code UnknownOperationException}.
 *
 * <p>Media types are checked only where no AWS SDK or CLI release is known to differ: a JSON body
 * sent with a non-JSON Content-Type is 415, and an Accept header that excludes a JSON response or
 * a payload's modelled {@code mediaType} is 406. A missing Content-Type, a JSON Content-Type on a
 * blob or string payload, and Accept against a payload's implied type all pass (see
 * {@link #requireAcceptable} and {@link #requireJsonContentType}).
 */
public final class RestJsonCodec implements ProtocolCodec {
    private static final String JSON = "application/json";
    private final HttpBindingsCache bindings = new HttpBindingsCache();
    private final JsonBodyReader reader = new JsonBodyReader();

    @Override
    public String protocol() {
        return "rest-json";
    }

    @Override
    public Operation resolveOperation(ServiceModel model, HttpRequest request) {
        return bindings.of(model).match(request).orElseThrow(() -> CodecErrors.unknownOperation(
                "No operation matches " + request.method() + " " + request.rawPath(), 404));
    }

    @Override
    public Map<String, Object> parseRequest(ServiceModel model, Operation operation, HttpRequest request) {
        requireAcceptable(operation, request);
        Map<String, Object> values = bindings.of(model).readRequestBindings(operation, request);
        StructureShape input = operation.input();
        if (input == null) {
            return values;
        }
        values = readBody(input, request, values);
        // header, query and label members a client left out get their defaults too
        ModelDefaults.fillAbsent(input, values, member -> true);
        return values;
    }

    private Map<String, Object> readBody(StructureShape input, HttpRequest request, Map<String, Object> values) {
        Member payload = input.payloadMember();
        if (payload != null) {
            Object value = readPayload(payload, request);
            if (value != null) {
                values.put(payload.name(), value);
            }
        } else if (!HttpBindings.bodyMembers(input).isEmpty()) {
            byte[] body = request.bodyBytes();
            if (body.length > 0) {
                requireJsonContentType(request);
            }
            values.putAll(reader.readBody(body, input, HttpBindings::isBodyMember));
        }
        return values;
    }

    @Override
    public HttpResponse serializeResponse(ServiceModel model, Operation operation, Map<String, Object> output, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        if (requestId != null) {
            headers.set("x-amzn-RequestId", requestId);
        }
        StructureShape shape = operation.output();
        Map<String, Object> values = output == null ? Map.of() : output;
        if (shape == null) {
            return new HttpResponse(operation.responseCode(), headers, ResponseBody.EMPTY);
        }
        HttpBindings.writeHeaders(shape, values, headers);
        int status = HttpBindings.statusCode(shape, values, operation.responseCode());
        Member payload = shape.payloadMember();
        ResponseBody body;
        if (payload != null) {
            body = writePayload(payload, values.get(payload.name()), headers);
        } else {
            headers.set("Content-Type", JSON);
            body = new ResponseBody.Bytes(JsonBodyWriter.write(shape, values, HttpBindings::isBodyMember));
        }
        return new HttpResponse(status, headers, body);
    }

    @Override
    public HttpResponse serializeError(ServiceModel model, Operation operation, AwsException error, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        if (requestId != null) {
            headers.set("x-amzn-RequestId", requestId);
        }
        StructureShape shape = JsonErrorBody.errorShape(model, error);
        if (shape != null) {
            HttpBindings.writeHeaders(shape, error.fields(), headers);
        }
        headers.set("x-amzn-ErrorType", error.code());
        headers.set("Content-Type", JSON);
        byte[] body = JsonErrorBody.write(null, shape, error, HttpBindings::isBodyMember);
        return new HttpResponse(error.httpStatus(), headers, new ResponseBody.Bytes(body));
    }

    private Object readPayload(Member payload, HttpRequest request) {
        ShapeType type = payload.target().type();
        if (type == ShapeType.BLOB && (payload.target().traits().streaming() || Boolean.TRUE.equals(payload.raw().get("streaming")))) {
            String length = request.headers().first("Content-Length");
            if (!request.headers().contains("Transfer-Encoding") && (length == null || parseLength(length) == 0)) {
                return null;
            }
            return new StreamingBody(request.body(), length == null ? -1 : parseLength(length), request.headers().first("Content-Type"));
        }
        byte[] body = request.bodyBytes();
        if (body.length == 0) {
            return null;
        }
        return switch (type) {
            case BLOB -> body;
            case STRING -> ScalarText.utf8(body);
            case STRUCTURE, UNION, DOCUMENT, LIST, MAP -> {
                requireJsonContentType(request);
                Object value = reader.readPayload(body, payload.target());
                // an empty structure payload ("{}") is the same as none
                yield value instanceof Map<?, ?> map && map.isEmpty() && type != ShapeType.MAP && type != ShapeType.DOCUMENT ? null : value;
            }
            default -> throw CodecErrors.serialization("unsupported payload type " + type);
        };
    }

    private static ResponseBody writePayload(Member payload, Object value, HttpHeaders headers) {
        String mediaType = modeledMediaType(payload);
        // a Content-Type bound to an output member (API Gateway's GetExport) wins over the implied one
        boolean boundContentType = headers.contains("Content-Type");
        return switch (payload.target().type()) {
            case BLOB -> {
                if (!boundContentType) {
                    headers.set("Content-Type", mediaType != null ? mediaType : "application/octet-stream");
                }
                yield switch (value) {
                    case null -> ResponseBody.EMPTY;
                    case StreamingBody stream -> {
                        if (stream.contentType() != null && mediaType == null && !boundContentType) {
                            headers.set("Content-Type", stream.contentType());
                        }
                        yield new ResponseBody.Stream(stream.stream(), stream.length());
                    }
                    case byte[] bytes -> new ResponseBody.Bytes(bytes);
                    default -> new ResponseBody.Bytes(value.toString().getBytes(StandardCharsets.UTF_8));
                };
            }
            case STRING -> {
                if (!boundContentType) {
                    headers.set("Content-Type", mediaType != null ? mediaType : "text/plain");
                }
                yield value == null ? ResponseBody.EMPTY : new ResponseBody.Bytes(value.toString().getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                headers.set("Content-Type", JSON);
                yield value == null ? ResponseBody.EMPTY : new ResponseBody.Bytes(jsonValue(payload, value));
            }
        };
    }

    private static byte[] jsonValue(Member payload, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (var generator = JsonFormat.FACTORY.createGenerator(out)) {
            JsonBodyWriter.writeValue(generator, payload.target(), payload.effectiveTimestampFormat(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JSON body must not claim another media type; SDKs send application/json (some older ones
     * application/x-amz-json-1.1). A missing or blank Content-Type passes: botocore releases before
     * its 2021 rest-json change, and older Ruby SDKs, sent JSON bodies without one.
     */
    private static void requireJsonContentType(HttpRequest request) {
        String contentType = request.headers().first("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String mediaType = AcceptHeader.essence(contentType);
        if (!mediaType.equals(JSON) && !mediaType.startsWith("application/x-amz-json")) {
            throw new AwsException("UnsupportedMediaTypeException", "Unsupported Content-Type " + contentType, 415, true);
        }
    }

    /**
     * Refuses an Accept header that excludes the response's media type, when that type is JSON or
     * a payload's modelled mediaType. A payload's implied type (octet-stream, text/plain) is not
     * checked: API Gateway clients send {@code Accept: application/json} to every operation,
     * GetSdk's blob download included. An Accept header bound to an input member is the caller's
     * to choose (GetExport).
     */
    private static void requireAcceptable(Operation operation, HttpRequest request) {
        String accept = request.headers().first("Accept");
        String mediaType = checkedResponseMediaType(operation);
        if (accept == null || mediaType == null || bindsAccept(operation.input())) {
            return;
        }
        if (!AcceptHeader.parse(accept).accepts(mediaType)) {
            throw new AwsException("NotAcceptableException",
                    "Cannot produce " + mediaType + " for Accept: " + accept, 406, true);
        }
    }

    private static String checkedResponseMediaType(Operation operation) {
        StructureShape output = operation.output();
        if (output == null) {
            return null;
        }
        Member payload = output.payloadMember();
        if (payload == null) {
            return HttpBindings.bodyMembers(output).isEmpty() ? null : JSON;
        }
        String modeled = modeledMediaType(payload);
        if (modeled != null) {
            return modeled;
        }
        boolean jsonStructure = payload.target().type() == ShapeType.STRUCTURE && !payload.target().traits().eventStream();
        return jsonStructure ? JSON : null;
    }

    private static boolean bindsAccept(StructureShape input) {
        return input != null && input.members().values().stream().anyMatch(member ->
                member.location() == Location.HEADER && member.wireName().equalsIgnoreCase("Accept"));
    }

    private static String modeledMediaType(Member payload) {
        return payload.target().raw().get("mediaType") instanceof String m ? m : null;
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
