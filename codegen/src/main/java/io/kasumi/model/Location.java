package io.kasumi.model;

/** Where in an HTTP message a member is bound (botocore's "location"). */
public enum Location {
    /** In the body, serialized by the protocol's document format. */
    BODY,
    HEADER,
    /** A map of headers sharing a prefix (botocore "headers"). */
    PREFIX_HEADERS,
    QUERY,
    /** A map member bound to every otherwise-unbound query parameter. */
    QUERY_PARAMS,
    URI,
    STATUS_CODE;

    static Location fromModel(String location, boolean targetIsMap) {
        if (location == null) {
            return BODY;
        }
        return switch (location) {
            case "header" -> HEADER;
            case "headers" -> PREFIX_HEADERS;
            case "querystring" -> targetIsMap ? QUERY_PARAMS : QUERY;
            case "uri" -> URI;
            case "statusCode" -> STATUS_CODE;
            default -> throw new IllegalArgumentException("unknown location " + location);
        };
    }
}
