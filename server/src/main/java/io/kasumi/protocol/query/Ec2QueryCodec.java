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
import io.kasumi.protocol.xml.XmlShapeWriter;

import java.util.Map;

/**
 * The ec2Query protocol: awsQuery's form parameters with EC2 naming (capitalised, always
 * flattened lists), output members directly under {@code <OpResponse>} with a
 * {@code <requestId>}, and errors as {@code <Response><Errors><Error>}.
 */
public final class Ec2QueryCodec implements ProtocolCodec {
    private static final String CONTENT_TYPE = "text/xml;charset=UTF-8";

    @Override
    public String protocol() {
        return "ec2";
    }

    @Override
    public Operation resolveOperation(ServiceModel model, HttpRequest request) {
        return QueryRequests.resolveOperation(model, request);
    }

    @Override
    public Map<String, Object> parseRequest(ServiceModel model, Operation operation, HttpRequest request) {
        return QueryRequests.parse(operation, request, QueryDialect.EC2);
    }

    @Override
    public HttpResponse serializeResponse(ServiceModel model, Operation operation, Map<String, Object> output, String requestId) {
        byte[] body = XmlDocuments.write(false, out -> {
            XmlShapeWriter writer = new XmlShapeWriter(out, XmlScalars.STANDARD);
            out.writeStartElement(operation.name() + "Response");
            if (model != null && model.xmlNamespace() != null) {
                out.writeDefaultNamespace(model.xmlNamespace());
            }
            if (operation.output() != null) {
                writer.writeAttributes(operation.output(), output);
                writer.writeChildren(operation.output(), output);
            }
            XmlErrors.element(out, "requestId", requestId);
            out.writeEndElement();
        });
        HttpResponse response = HttpResponse.of(200, CONTENT_TYPE, body);
        response.headers().set("x-amzn-RequestId", requestId);
        return response;
    }

    @Override
    public HttpResponse serializeError(ServiceModel model, Operation operation, AwsException error, String requestId) {
        ModelError wire = ModelError.resolve(model, operation, error);
        byte[] body = XmlDocuments.write(false, out -> {
            out.writeStartElement("Response");
            out.writeStartElement("Errors");
            out.writeStartElement("Error");
            XmlErrors.writeDetails(new XmlShapeWriter(out, XmlScalars.STANDARD), wire, error, false);
            out.writeEndElement();
            out.writeEndElement();
            XmlErrors.element(out, "RequestID", requestId);
            out.writeEndElement();
        });
        HttpResponse response = HttpResponse.of(wire.httpStatus(), CONTENT_TYPE, body);
        response.headers().set("x-amzn-RequestId", requestId);
        return response;
    }
}
