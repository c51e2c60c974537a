package io.kasumi.protocol.query;

import io.kasumi.api.AwsException;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;
import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import io.kasumi.protocol.ProtocolCodec;
import io.kasumi.protocol.codec.ModelError;
import io.kasumi.protocol.xml.XmlScalars;
import io.kasumi.protocol.xml.XmlDocuments;
import io.kasumi.protocol.xml.XmlErrors;
import io.kasumi.protocol.xml.XmlNames;
import io.kasumi.protocol.xml.XmlShapeWriter;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.Map;

/**
 * The awsQuery protocol (IAM, STS, SNS, legacy SQS and CloudWatch clients): form-encoded
 * parameters in, {@code <OpResponse><OpResult>..</OpResult><ResponseMetadata>} XML out.
 */
public final class AwsQueryCodec implements ProtocolCodec {
    private static final String CONTENT_TYPE = "text/xml";

    @Override
    public String protocol() {
        return "query";
    }

    @Override
    public Operation resolveOperation(ServiceModel model, HttpRequest request) {
        return QueryRequests.resolveOperation(model, request);
    }

    @Override
    public Map<String, Object> parseRequest(ServiceModel model, Operation operation, HttpRequest request) {
        return QueryRequests.parse(operation, request, QueryDialect.AWS_QUERY);
    }

    @Override
    public HttpResponse serializeResponse(ServiceModel model, Operation operation, Map<String, Object> output, String requestId) {
        byte[] body = XmlDocuments.write(false, out -> {
            XmlShapeWriter writer = new XmlShapeWriter(out, XmlScalars.STANDARD, XmlNames::queryElement);
            out.writeStartElement(operation.name() + "Response");
            declareServiceNamespace(out, model);
            if (operation.output() != null) {
                // the output shape's own xmlName and xmlNamespace do not apply in awsQuery
                out.writeStartElement(operation.resultWrapper() != null ? operation.resultWrapper() : operation.name() + "Result");
                writer.writeAttributes(operation.output(), output);
                writer.writeChildren(operation.output(), output);
                out.writeEndElement();
            }
            out.writeStartElement("ResponseMetadata");
            XmlErrors.element(out, "RequestId", requestId);
            out.writeEndElement();
            out.writeEndElement();
        });
        return withRequestId(HttpResponse.of(200, CONTENT_TYPE, body), requestId);
    }

    @Override
    public HttpResponse serializeError(ServiceModel model, Operation operation, AwsException error, String requestId) {
        ModelError wire = ModelError.resolve(model, operation, error);
        byte[] body = XmlDocuments.write(false, out -> {
            out.writeStartElement("ErrorResponse");
            declareServiceNamespace(out, model);
            out.writeStartElement("Error");
            XmlErrors.writeDetails(new XmlShapeWriter(out, XmlScalars.STANDARD, XmlNames::queryElement), wire, error, true);
            out.writeEndElement();
            XmlErrors.element(out, "RequestId", requestId);
            out.writeEndElement();
        });
        return withRequestId(HttpResponse.of(wire.httpStatus(), CONTENT_TYPE, body), requestId);
    }

    private static void declareServiceNamespace(XMLStreamWriter out, ServiceModel model) throws XMLStreamException {
        if (model != null && model.xmlNamespace() != null) {
            out.writeDefaultNamespace(model.xmlNamespace());
        }
    }

    private static HttpResponse withRequestId(HttpResponse response, String requestId) {
        response.headers().set("x-amzn-RequestId", requestId);
        return response;
    }
}
