package io.kasumi.services.lambda;

/**
 * What Lambda offers the services that call functions (SNS and S3 notifications, log
 * subscription filters, Secrets Manager rotation, API Gateway integrations): an invocation
 * through the same path as the Invoke API, so pools, concurrency, logs and retries apply.
 */
public interface FunctionInvoker {

    enum InvocationType { REQUEST_RESPONSE, EVENT }

    /**
     * @param payload    the event, JSON bytes
     * @param functionError null on success, else the X-Amz-Function-Error value ("Unhandled")
     */
    record Result(int statusCode, byte[] payload, String functionError, String executedVersion) {
    }

    /**
     * @param function a function name, ARN or partial ARN, optionally qualified by version or alias
     * @throws io.kasumi.api.AwsException with Lambda's code (ResourceNotFoundException, ...) when
     *                                    the function cannot be invoked
     */
    Result invoke(String account, String region, String function, byte[] payload, InvocationType type);
}
