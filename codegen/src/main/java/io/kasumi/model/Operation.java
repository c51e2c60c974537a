package io.kasumi.model;

import java.util.List;
import java.util.Map;

/**
 * An operation of a service model.
 *
 * @param httpMethod the HTTP method of REST protocols (others POST)
 * @param requestUri the URI template, e.g. "/{Bucket}/{Key+}?uploads"
 * @param responseCode the success status (model "responseCode"), 200 when absent
 * @param input the input shape, or null when the operation takes none
 * @param output the output shape, or null when the operation returns none
 * @param resultWrapper the awsQuery result element name, e.g. "AssumeRoleResult", or null
 * @param errors the error shapes the operation declares
 * @param hostPrefix the endpoint host prefix template, or null
 */
public record Operation(
        String name,
        String httpMethod,
        String requestUri,
        int responseCode,
        StructureShape input,
        StructureShape output,
        String resultWrapper,
        List<StructureShape> errors,
        String hostPrefix,
        Map<String, Object> raw) {
}
