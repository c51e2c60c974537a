package io.kasumi.protocol.json;

import io.kasumi.api.AwsException;
import io.kasumi.model.ErrorTrait;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.StructureShape;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ResponseBody;
import io.kasumi.protocol.codec.CodecErrors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS JSON 1.0 and 1.1 (botocore "json"): the operation is named by
 * {@code X-Amz-Target: <targetPrefix>.<Operation>}, input and output are JSON objects, and the
 * version (from the model's jsonVersion) only changes the media type
 * {@code application/x-amz-json-1.0|1.1}.
 *
 * <p>Errors are {@code {"__type": code, "message": ...}} with the same code in
 * {@code x-amzn-ErrorType}; awsQueryCompatible services (SQS) also send
 * {@code x-amzn-query-error: <query code>;<Sender|Receiver>}, which SDKs in query mode report as
 * the error code.
 */
public final class AwsJsonCodec implements ProtocolCodec {
    private final JsonBodyReader reader = new JsonBodyReader();

    @Override
    public String protocol() {
        return "json";
    }

    @Override
    public Operation resolveOperation(ServiceModel model, HttpRequest request) {
        String target = request.headers().first("X-Amz-Target");
        if (target == null || target.isBlank()) {
            throw CodecErrors.unknownOperation("Missing X-Amz-Target header", 400);
        }
        int dot = target.lastIndexOf('.');
        String prefix = dot < 0 ? "" : target.substring(0, dot);
        Operation operation = model.operation(target.substring(dot + 1));
        if (operation == null || (model.targetPrefix() != null && !model.targetPrefix().equals(prefix))) {
            throw CodecErrors.unknownOperation("Unknown operation " + target, 400);
        }
        return operation;
    }

    @Override
    public Map<String, Object> parseRequest(ServiceModel model, Operation operation, HttpRequest request) {
        StructureShape input = operation.input();
        if (input == null) {
            return new LinkedHashMap<>();
        }
        return reader.readBody(request.bodyBytes(), input, member -> true);
    }

    @Override
    public HttpResponse serializeResponse(ServiceModel model, Operation operation, Map<String, Object> output, String requestId) {
        HttpHeaders headers = baseHeaders(model, requestId);
        StructureShape shape = operation.output();
        if (shape == null) {
            return new HttpResponse(200, headers, ResponseBody.EMPTY);
        }
        byte[] body = JsonBodyWriter.write(shape, output == null ? Map.of() : output, member -> true);
        return new HttpResponse(200, headers, new ResponseBody.Bytes(body));
    }

    @Override
    public HttpResponse serializeError(ServiceModel model, Operation operation, AwsException error, String requestId) {
        HttpHeaders headers = baseHeaders(model, requestId);
        StructureShape shape = JsonErrorBody.errorShape(model, error);
        headers.set("x-amzn-ErrorType", error.code());
        if (model != null && model.awsQueryCompatible()) {
            headers.set("x-amzn-query-error", queryCode(shape, error) + ";" + (error.senderFault() ? "Sender" : "Receiver"));
        }
        byte[] body = JsonErrorBody.write(error.code(), shape, error, member -> true);
        return new HttpResponse(error.httpStatus(), headers, new ResponseBody.Bytes(body));
    }

    /** The legacy awsQuery code: the error trait's code when the model gives one, else the shape name. */
    static String queryCode(StructureShape shape, AwsException error) {
        ErrorTrait trait = shape == null ? null : shape.traits().error();
        return trait != null && trait.code() != null ? trait.code() : error.code();
    }

    private static HttpHeaders baseHeaders(ServiceModel model, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Type", contentType(model));
        if (requestId != null) {
            headers.set("x-amzn-RequestId", requestId);
        }
        return headers;
    }

    static String contentType(ServiceModel model) {
        String version = model == null || model.jsonVersion() == null ? "1.0" : model.jsonVersion();
        return "application/x-amz-json-" + version;
    }
}
