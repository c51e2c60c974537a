package io.kasumi.protocol;

import io.kasumi.api.AwsException;
import io.kasumi.model.Operation;
import io.kasumi.model.ServiceModel;

import java.util.Map;

/**
 * One AWS wire protocol, driven by a service model: finds the operation a request names, parses
 * its input into a value tree, and serializes output trees and errors.
 *
 * <p>Value trees: a structure or union is a {@code Map<String,Object>} keyed by member name
 * (absent members absent); a list a {@code List}; a map a {@code Map<String,Object>}; string and
 * enum {@code String}; boolean {@code Boolean}; byte/short/integer/long/float/double their boxed
 * types; bigInteger/bigDecimal {@code BigInteger}/{@code BigDecimal}; timestamp
 * {@code Instant}; blob {@code byte[]} ({@code StreamingBody} when the shape is streaming);
 * document plain JSON-like values.
 */
public interface ProtocolCodec {

    /** The botocore protocol name this codec speaks, e.g. "json" or "rest-xml". */
    String protocol();

    /** Which operation of the model the request names; throws an AwsException when none. */
    Operation resolveOperation(ServiceModel model, HttpRequest request);

    /** Parses the operation's input; throws an AwsException (e.g. SerializationException) on bad input. */
    Map<String, Object> parseRequest(ServiceModel model, Operation operation, HttpRequest request);

    /** Serializes a successful output tree (empty map when the operation has no output). */
    HttpResponse serializeResponse(ServiceModel model, Operation operation, Map<String, Object> output, String requestId);

    /** Serializes an error; operation is null when the request named none. */
    HttpResponse serializeError(ServiceModel model, Operation operation, AwsException error, String requestId);
}
