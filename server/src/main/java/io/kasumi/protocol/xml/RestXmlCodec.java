package io.kasumi.protocol.xml;

import io.kasumi.api.AwsException;
import io.kasumi.api.StreamingBody;
import io.kasumi.model.Member;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ShapeType;
import io.kasumi.model.StructureShape;
import io.kasumi.model.XmlNamespace;
import io.kasumi.protocol.HttpHeaders;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.ResponseBody;
import io.kasumi.protocol.codec.CodecErrors;
import io.kasumi.protocol.codec.ModelError;
import io.kasumi.protocol.rest.HttpBindings;
import io.kasumi.protocol.rest.HttpBindingsCache;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * AWS restXml (S3, CloudFront, Route 53): operations and non-body members by
 * {@link HttpBindings}; the body is either the payload member alone (a structure as an XML
 * document rooted at its own name, a blob or string raw) or the remaining body members inside
 * a root element named after the input/output shape.
 *
 * <p>Errors are {@code <ErrorResponse><Error>..</Error><RequestId/></ErrorResponse>}, except
 * for S3, which sends the {@code <Error>} element alone (Smithy's noErrorWrapping) with its
 * request id inside and extra details such as {@code <BucketName>}, and no {@code <Type>}, as
 * real S3 sends it (the Smithy suite's S3OperationNoErrorWrappingResponse expects one; that case
 * stays a known failure).
 *
 * <p>S3 requests are routed path-style: a virtual-hosted request ({@code Host: BUCKET.s3.*})
 * is matched and its labels read as {@code /BUCKET/PATH} (see {@link S3VirtualHost}).
 */
public final class RestXmlCodec implements ProtocolCodec {
    private static final String XML = "application/xml";
    /** botocore's S3 model leaves out the namespace S3 declares on every document it sends. */
    private static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String MALFORMED_XML =
            "The XML you provided was not well-formed or did not validate against our published schema";

    private final HttpBindingsCache bindings = new HttpBindingsCache();

    @Override
    public String protocol() {
        return "rest-xml";
    }

    @Override
    public Operation resolveOperation(ServiceModel model, HttpRequest request) {
        return bindings.of(model).match(request, routingPath(model, request)).orElseThrow(() -> isS3(model)
                ? new AwsException("MethodNotAllowed", "The specified method is not allowed against this resource.", 405, true)
                : CodecErrors.unknownOperation("No operation matches " + request.method() + " " + request.rawPath(), 404));
    }

    @Override
    public Map<String, Object> parseRequest(ServiceModel model, Operation operation, HttpRequest request) {
        Map<String, Object> values = bindings.of(model).readRequestBindings(operation, request, routingPath(model, request));
        StructureShape input = operation.input();
        if (input == null) {
            return values;
        }
        Member payload = input.payloadMember();
        if (payload != null) {
            Object value = readPayload(payload, request, scalars(model));
            if (value != null) {
                values.put(payload.name(), value);
            }
        } else if (!HttpBindings.bodyMembers(input).isEmpty()) {
            values.putAll(readDocument(request.bodyBytes(), input, scalars(model)));
        }
        return values;
    }

    @Override
    public HttpResponse serializeResponse(ServiceModel model, Operation operation, Map<String, Object> output, String requestId) {
        HttpHeaders headers = requestIdHeaders(model, requestId);
        StructureShape shape = operation.output();
        if (shape == null) {
            return new HttpResponse(operation.responseCode(), headers, ResponseBody.EMPTY);
        }
        Map<String, Object> values = output == null ? Map.of() : output;
        HttpBindings.writeHeaders(shape, values, headers);
        int status = HttpBindings.statusCode(shape, values, operation.responseCode());
        Member payload = shape.payloadMember();
        ResponseBody body;
        if (payload != null) {
            body = writePayload(model, payload, values.get(payload.name()), headers);
        } else {
            if (!headers.contains("Content-Type")) {
                headers.set("Content-Type", XML);
            }
            body = documentMembers(shape).isEmpty()
                    ? ResponseBody.EMPTY : new ResponseBody.Bytes(writeOutputDocument(model, operation, values));
        }
        return new HttpResponse(status, headers, body);
    }

    @Override
    public HttpResponse serializeError(ServiceModel model, Operation operation, AwsException error, String requestId) {
        ModelError wire = ModelError.resolve(model, operation, error);
        HttpHeaders headers = requestIdHeaders(model, requestId);
        if (wire.shape() != null) {
            HttpBindings.writeHeaders(wire.shape(), error.fields(), headers);
        }
        headers.set("Content-Type", XML);
        XmlScalars scalars = scalars(model);
        byte[] body = isS3(model)
                ? XmlDocuments.write(true, out -> {
                    out.writeStartElement("Error");
                    XmlErrors.writeDetails(new XmlShapeWriter(out, scalars), wire, error, false);
                    XmlErrors.element(out, "RequestId", requestId);
                    out.writeEndElement();
                })
                : XmlDocuments.write(true, out -> {
                    out.writeStartElement("ErrorResponse");
                    if (model.xmlNamespace() != null) {
                        out.writeDefaultNamespace(model.xmlNamespace());
                    }
                    out.writeStartElement("Error");
                    XmlErrors.writeDetails(new XmlShapeWriter(out, scalars), wire, error, true);
                    out.writeEndElement();
                    XmlErrors.element(out, "RequestId", requestId);
                    out.writeEndElement();
                });
        return new HttpResponse(wire.httpStatus(), headers, new ResponseBody.Bytes(body));
    }

    /** The path a request is routed by: S3's virtual-hosted requests as the path-style path they stand for. */
    private static String routingPath(ServiceModel model, HttpRequest request) {
        if (!isS3(model)) {
            return request.rawPath();
        }
        String bucket = S3VirtualHost.bucket(request.host() != null ? request.host() : request.headers().first("Host"));
        return bucket == null ? request.rawPath() : S3VirtualHost.pathStyle(bucket, request.rawPath());
    }

    private static Object readPayload(Member payload, HttpRequest request, XmlScalars scalars) {
        ShapeType type = payload.target().type();
        if (type == ShapeType.BLOB && (payload.target().traits().streaming() || Boolean.TRUE.equals(payload.raw().get("streaming")))) {
            return new StreamingBody(request.body(), contentLength(request), request.headers().first("Content-Type"));
        }
        byte[] body = request.bodyBytes();
        if (body.length == 0) {
            return null;
        }
        return switch (payload.target()) {
            case StructureShape structure -> readDocument(body, structure, scalars);
            default -> switch (type) {
                case BLOB -> body;
                case STRING -> new String(body, StandardCharsets.UTF_8);
                default -> throw CodecErrors.serialization("unsupported payload type " + type);
            };
        };
    }

    private static Map<String, Object> readDocument(byte[] body, StructureShape shape, XmlScalars scalars) {
        try {
            return XmlShapeReader.readDocument(new ByteArrayInputStream(body), shape, scalars);
        } catch (MalformedValueException e) {
            throw AwsException.sender("MalformedXML", MALFORMED_XML);
        }
    }

    private ResponseBody writePayload(ServiceModel model, Member payload, Object value, HttpHeaders headers) {
        String mediaType = payload.target().raw().get("mediaType") instanceof String m ? m : null;
        if (payload.target() instanceof StructureShape structure) {
            if (value == null) {
                return ResponseBody.EMPTY;
            }
            headers.set("Content-Type", XML);
            String root = payload.locationName() != null ? payload.locationName() : rootName(structure);
            XmlNamespace namespace = rootNamespace(model,
                    payload.xmlNamespace() != null ? payload.xmlNamespace() : structure.traits().xmlNamespace());
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) value;
            return new ResponseBody.Bytes(writeDocument(model, root, namespace, structure, fields));
        }
        // a Content-Type header member (S3 GetObject's ContentType) wins over the defaults
        if (!headers.contains("Content-Type")) {
            String streamType = value instanceof StreamingBody stream ? stream.contentType() : null;
            headers.set("Content-Type", mediaType != null ? mediaType
                    : streamType != null ? streamType
                    : payload.target().type() == ShapeType.STRING ? "text/plain" : "application/octet-stream");
        }
        return switch (value) {
            case null -> ResponseBody.EMPTY;
            case StreamingBody stream -> new ResponseBody.Stream(stream.stream(), stream.length());
            case byte[] bytes -> new ResponseBody.Bytes(bytes);
            default -> new ResponseBody.Bytes(value.toString().getBytes(StandardCharsets.UTF_8));
        };
    }

    private static byte[] writeOutputDocument(ServiceModel model, Operation operation, Map<String, Object> values) {
        StructureShape shape = operation.output();
        return isUnwrapped(operation)
                ? writeUnwrapped(model, shape, values)
                : writeDocument(model, rootName(shape), rootNamespace(model, shape.traits().xmlNamespace()), shape, values);
    }

    private static byte[] writeDocument(ServiceModel model, String root, XmlNamespace namespace, StructureShape shape,
                                        Map<String, Object> values) {
        return XmlDocuments.write(true, out -> new XmlShapeWriter(out, scalars(model)).writeStructure(root, namespace, shape, values));
    }

    /** Operations whose single body member is the whole document (S3 GetBucketLocation's LocationConstraint). */
    private static byte[] writeUnwrapped(ServiceModel model, StructureShape shape, Map<String, Object> values) {
        XmlNamespace namespace = rootNamespace(model, null);
        return XmlDocuments.write(true, out -> {
            XmlShapeWriter writer = new XmlShapeWriter(out, scalars(model));
            for (Member member : documentMembers(shape)) {
                Object value = values.get(member.name());
                writer.writeValue(XmlNames.element(member), member.xmlNamespace() != null ? member.xmlNamespace() : namespace,
                        member, value == null ? "" : value);
            }
        });
    }

    private static List<Member> documentMembers(StructureShape shape) {
        return shape.members().values().stream().filter(XmlShapeWriter::isDocumentMember).toList();
    }

    private static boolean isUnwrapped(Operation operation) {
        return Boolean.TRUE.equals(operation.raw().get("s3UnwrappedXmlOutput"))
                || operation.output().raw().containsKey("s3UnwrappedXmlOutput");
    }

    /** A document's root element: the shape's xmlName (locationName), else the shape name. */
    private static String rootName(StructureShape shape) {
        return shape.traits().locationName() != null ? shape.traits().locationName() : shape.name();
    }

    /** The root's namespace: the shape's or member's own, else the service's. */
    private static XmlNamespace rootNamespace(ServiceModel model, XmlNamespace own) {
        if (own != null) {
            return own;
        }
        if (model.xmlNamespace() != null) {
            return new XmlNamespace(model.xmlNamespace(), null);
        }
        return isS3(model) ? new XmlNamespace(S3_NAMESPACE, null) : null;
    }

    private static HttpHeaders requestIdHeaders(ServiceModel model, String requestId) {
        HttpHeaders headers = new HttpHeaders();
        if (requestId != null) {
            headers.set(isS3(model) ? "x-amz-request-id" : "x-amzn-RequestId", requestId);
        }
        return headers;
    }

    private static XmlScalars scalars(ServiceModel model) {
        return isS3(model) ? XmlScalars.S3 : XmlScalars.STANDARD;
    }

    /** S3 differs from the other rest-xml services in its error envelope and timestamp precision. */
    private static boolean isS3(ServiceModel model) {
        return "S3".equals(model.serviceId());
    }

    private static long contentLength(HttpRequest request) {
        String decoded = request.headers().first("x-amz-decoded-content-length");
        String length = decoded != null ? decoded : request.headers().first("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
