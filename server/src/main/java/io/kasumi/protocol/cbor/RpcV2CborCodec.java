package io.kasumi.protocol.cbor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.kasumi.api.AwsException;
import io.kasumi.model.Member;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.Shape;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ResponseBody;
import io.kasumi.protocol.codec.CodecErrors;
import io.kasumi.protocol.codec.ContentEncodings;
import io.kasumi.protocol.codec.ModelDefaults;
import io.kasumi.protocol.codec.ModelError;
import io.kasumi.protocol.eventstream.EventPublisher;
import io.kasumi.protocol.eventstream.EventStreamBody;
import io.kasumi.protocol.eventstream.EventStreamWriter;
import io.kasumi.protocol.eventstream.PayloadSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Smithy RPC v2 CBOR protocol ({@code smithy.protocols#rpcv2Cbor}): every request is
 * {@code POST {prefix?}/service/{ServiceName}/operation/{OperationName}} with a CBOR map of the
 * input's members; responses are 200 with a CBOR map of the output (no body when the operation
 * has no output); errors carry {@code __type} with the error's absolute shape id, status from the
 * error trait, and for awsQueryCompatible services {@code x-amzn-query-error: Code;Fault}.
 *
 * <p>The service name is the service shape's name, which botocore models record as
 * {@code targetPrefix} (CloudWatch: GraniteServiceVersion20100801).
 */
public final class RpcV2CborCodec implements ProtocolCodec {
    public static final String PROTOCOL = "smithy-rpc-v2-cbor";
    public static final String PROTOCOL_HEADER = "smithy-protocol";
    public static final String PROTOCOL_VALUE = "rpc-v2-cbor";
    public static final String CONTENT_TYPE = "application/cbor";
    static final String QUERY_ERROR_HEADER = "x-amzn-query-error";
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    private final CBORFactory factory = CborFactories.standard();
    private final CborShapeReader reader = new CborShapeReader(CborTimestampEncoding.EPOCH_SECONDS);
    private final CborShapeWriter writer = new CborShapeWriter(CborTimestampEncoding.EPOCH_SECONDS);
    private final EventStreamWriter events = new EventStreamWriter(this::eventPayload);

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public Operation resolveOperation(ServiceModel model, HttpRequest request) {
        RpcV2Path path = RpcV2Path.parse(request.rawPath());
        if (path == null) {
            throw CodecErrors.unknownOperation("Request path " + request.rawPath()
                    + " does not name an operation: expected /service/{ServiceName}/operation/{OperationName}", 404);
        }
        if (model.targetPrefix() != null && !path.names(model.targetPrefix())) {
            throw CodecErrors.unknownOperation("Service " + path.serviceName() + " is not " + model.targetPrefix(), 404);
        }
        Operation operation = model.operation(path.operationName());
        if (operation == null) {
            throw CodecErrors.unknownOperation("Operation " + path.operationName() + " is not supported by "
                    + (model.targetPrefix() != null ? model.targetPrefix() : model.serviceName()), 404);
        }
        if (!"POST".equals(request.method())) {
            throw CodecErrors.unknownOperation("Operation " + path.operationName() + " must be called with POST", 405);
        }
        if (request.headers().contains("X-Amz-Target") || request.headers().contains("X-Amzn-Target")) {
            throw CodecErrors.serialization("rpc-v2-cbor requests must not carry an X-Amz-Target header");
        }
        return operation;
    }

    @Override
    public Map<String, Object> parseRequest(ServiceModel model, Operation operation, HttpRequest request) {
        StructureShape input = operation.input();
        if (input == null) {
            return new LinkedHashMap<>();
        }
        byte[] body = ContentEncodings.decodedBodyBytes(request);
        if (body.length == 0) {
            return defaultsOf(input);
        }
        try (CBORParser parser = factory.createParser(body)) {
            Map<String, Object> values = reader.readStructure(parser, input);
            if (parser.nextToken() != null) {
                throw CodecErrors.serialization("unexpected data after the CBOR body");
            }
            return values;
        } catch (JsonProcessingException e) {
            throw CodecErrors.serialization("malformed CBOR body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CodecErrors.serialization("unreadable CBOR body: " + e.getMessage());
        }
    }

    @Override
    public HttpResponse serializeResponse(ServiceModel model, Operation operation, Map<String, Object> output, String requestId) {
        HttpHeaders headers = baseHeaders(requestId);
        StructureShape shape = operation.output();
        if (shape == null) {
            return new HttpResponse(200, headers, ResponseBody.EMPTY);
        }
        Member stream = eventStreamMember(shape);
        if (stream != null) {
            headers.set("Content-Type", EventStreamBody.CONTENT_TYPE);
            EventPublisher publisher = output.get(stream.name()) instanceof EventPublisher p ? p : null;
            return new HttpResponse(200, headers, EventStreamBody.of(events, (StructureShape) stream.target(),
                    List.of(events.initialResponse(shape, output)), publisher));
        }
        headers.set("Content-Type", CONTENT_TYPE);
        return new HttpResponse(200, headers, new ResponseBody.Bytes(encode(g -> writer.writeStructure(g, shape, output))));
    }

    @Override
    public HttpResponse serializeError(ServiceModel model, Operation operation, AwsException error, String requestId) {
        ModelError resolved = ModelError.resolve(model, operation, error);
        HttpHeaders headers = baseHeaders(requestId);
        headers.set("Content-Type", CONTENT_TYPE);
        if (model.awsQueryCompatible()) {
            headers.set(QUERY_ERROR_HEADER, resolved.queryCode() + ";" + (resolved.senderFault() ? "Sender" : "Receiver"));
        }
        byte[] body = encode(g -> writeError(g, model, resolved, error));
        return new HttpResponse(resolved.httpStatus(), headers, new ResponseBody.Bytes(body));
    }

    private void writeError(CBORGenerator out, ServiceModel model, ModelError resolved, AwsException error) throws IOException {
        out.writeStartObject();
        out.writeFieldName("__type");
        out.writeString(errorTypeId(model, resolved, error));
        Member messageMember = resolved.messageMember();
        String message = error.getMessage();
        Map<String, Object> fields = error.fields();
        if (resolved.shape() == null) {
            if (message != null) {
                out.writeFieldName("message");
                out.writeString(message);
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (field.getValue() != null && !field.getKey().equalsIgnoreCase("message")) {
                    out.writeFieldName(field.getKey());
                    writer.writeDocument(out, field.getValue());
                }
            }
        } else {
            if (messageMember == null && message != null && !message.isEmpty()) {
                // every error carries a message for clients, even when its shape models none
                out.writeFieldName("message");
                out.writeString(message);
            }
            for (Member member : resolved.shape().members().values()) {
                Object value = fields.get(member.name());
                if (value == null && member == messageMember) {
                    value = message;
                }
                if (value != null) {
                    out.writeFieldName(member.name());
                    writer.writeValue(out, member.target(), value);
                }
            }
        }
        out.writeEndObject();
    }

    /**
     * The error's absolute shape id. botocore models do not record the Smithy namespace, so it is
     * taken from a code that already has one ("ns#Name"), else AWS's convention
     * {@code com.amazonaws.<serviceId>}; clients read only the part after '#'.
     */
    static String errorTypeId(ServiceModel model, ModelError resolved, AwsException error) {
        int hash = error.code().lastIndexOf('#');
        String namespace = hash > 0 ? error.code().substring(0, hash) : awsNamespace(model);
        return namespace + "#" + resolved.name();
    }

    private static String awsNamespace(ServiceModel model) {
        String id = model.serviceId() != null ? model.serviceId() : model.serviceName();
        return "com.amazonaws." + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private PayloadSerializer.Payload eventPayload(Shape shape, Object value) {
        return new PayloadSerializer.Payload(encode(g -> writer.writeValue(g, shape, value)), CONTENT_TYPE);
    }

    private static Member eventStreamMember(StructureShape output) {
        for (Member member : output.members().values()) {
            if (member.target().traits().eventStream()) {
                return member;
            }
        }
        return null;
    }

    private static Map<String, Object> defaultsOf(StructureShape input) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Member member : input.members().values()) {
            Object value = ModelDefaults.of(member);
            if (value != null) {
                values.put(member.name(), value);
            }
        }
        return values;
    }

    private static HttpHeaders baseHeaders(String requestId) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(PROTOCOL_HEADER, PROTOCOL_VALUE);
        if (requestId != null) {
            headers.set(REQUEST_ID_HEADER, requestId);
        }
        return headers;
    }

    @FunctionalInterface
    private interface CborWriting {
        void writeTo(CBORGenerator generator) throws IOException;
    }

    private byte[] encode(CborWriting writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (CBORGenerator generator = factory.createGenerator(bytes)) {
            writing.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
