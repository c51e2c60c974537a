package io.kasumi.protocol;

import io.kasumi.api.AwsException;
import io.kasumi.model.ServiceModel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The protocol codecs Kasumi speaks, by botocore protocol name, and the choice among them for a
 * service that speaks several (SQS: json and query; CloudWatch: rpc-v2-cbor, json and query).
 */
public final class ProtocolCodecs {
    private final Map<String, ProtocolCodec> byName;

    public ProtocolCodecs(List<ProtocolCodec> codecs) {
        this.byName = codecs.stream().collect(Collectors.toUnmodifiableMap(ProtocolCodec::protocol, Function.identity()));
    }

    /** Every codec Kasumi ships. */
    public static ProtocolCodecs standard() {
        return new ProtocolCodecs(List.of(
                new io.kasumi.protocol.cbor.RpcV2CborCodec(),
                new io.kasumi.protocol.json.AwsJsonCodec(),
                new io.kasumi.protocol.json.RestJsonCodec(),
                new io.kasumi.protocol.query.AwsQueryCodec(),
                new io.kasumi.protocol.query.Ec2QueryCodec(),
                new io.kasumi.protocol.xml.RestXmlCodec()
        ));
    }

    public ProtocolCodec byName(String protocol) {
        ProtocolCodec codec = byName.get(protocol);
        if (codec == null) {
            throw AwsException.internal("no codec for protocol " + protocol);
        }
        return codec;
    }

    /**
     * The codec a request to this service is written in: rpc-v2-cbor announces itself with the
     * smithy-protocol header, json with X-Amz-Target, query with a form body or Action= query;
     * otherwise the service's primary protocol.
     */
    public ProtocolCodec forRequest(ServiceModel model, HttpRequest request) {
        if (model.protocols().size() > 1) {
            HttpHeaders headers = request.headers();
            if (model.speaks("smithy-rpc-v2-cbor") && "rpc-v2-cbor".equals(headers.first("smithy-protocol"))) {
                return byName("smithy-rpc-v2-cbor");
            }
            if (model.speaks("json") && headers.contains("X-Amz-Target")) {
                return byName("json");
            }
            if (model.speaks("query")) {
                String contentType = headers.first("Content-Type");
                boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
                if (form || request.queryParameter("Action") != null) {
                    return byName("query");
                }
            }
        }
        return byName(model.protocol());
    }
}
