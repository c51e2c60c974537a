package io.kasumi.protocol.validation;

import io.kasumi.api.AwsException;
import io.kasumi.model.ServiceModel;

import java.util.List;

/**
 * How a service answers input that breaks its model: which violations it reports and the error
 * it reports them with. {@link #forModel} picks the style from a small table; see package-info.
 */
public enum ValidationErrorStyle {

    /**
     * Coral json services (DynamoDB, Lambda, KMS, Logs, Secrets Manager, SSM, Kinesis ...):
     * {@code ValidationException}, every constraint, "N validation error(s) detected: ...".
     */
    CORAL_JSON(true, true),

    /** Coral services on the query protocol (STS, IAM): the same message, code {@code ValidationError}. */
    CORAL_QUERY(true, true),

    /**
     * SNS: only a missing required parameter, as {@code InvalidParameter}
     * "Invalid parameter: TopicArn Reason: no value for required parameter".
     */
    SNS(true, false),

    /** SQS: only a missing required parameter, as {@code MissingParameter} "The request must contain the parameter QueueUrl.". */
    SQS(true, false),

    /**
     * No generic validation: the service words its own errors (S3, CloudWatch, API Gateway) and
     * the service code validates what matters.
     */
    NONE(false, false);

    /** AWS lists at most this many violations in one message. */
    public static final int MAX_REPORTED = 10;

    private final boolean validates;
    private final boolean constraints;

    ValidationErrorStyle(boolean validates, boolean constraints) {
        this.validates = validates;
        this.constraints = constraints;
    }

    /**
     * The style of a service: known services by serviceId, others by protocol (json family to
     * {@link #CORAL_JSON}, query to {@link #CORAL_QUERY}, ec2 and rest-xml to {@link #NONE}).
     */
    public static ValidationErrorStyle forModel(ServiceModel model) {
        String serviceId = model.serviceId() == null ? "" : model.serviceId();
        return switch (serviceId) {
            case "STS", "IAM" -> CORAL_QUERY;
            case "SNS" -> SNS;
            case "SQS" -> SQS;
            case "S3", "S3 Control", "CloudWatch", "API Gateway", "ApiGatewayV2", "EC2" -> NONE;
            default -> switch (model.protocol() == null ? "" : model.protocol()) {
                case "json", "rest-json", "smithy-rpc-v2-cbor" -> CORAL_JSON;
                case "query" -> CORAL_QUERY;
                default -> NONE;
            };
        };
    }

    /** False when requests of this style are not validated at all. */
    public boolean validates() {
        return validates;
    }

    /** True when lengths, ranges, patterns and enums are checked; false for required members only. */
    public boolean checksConstraints() {
        return constraints;
    }

    /** The error for a non-empty list of violations, as this style's services answer it. */
    public AwsException toException(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violations to report");
        }
        Violation first = violations.getFirst();
        return switch (this) {
            case CORAL_JSON -> AwsException.sender("ValidationException", coralMessage(violations));
            case CORAL_QUERY -> AwsException.sender("ValidationError", coralMessage(violations));
            // the model's shape name; the query codec writes the shape's wire code, InvalidParameter
            case SNS -> AwsException.sender("InvalidParameterException",
                    "Invalid parameter: " + first.parameter() + " Reason: no value for required parameter");
            case SQS -> AwsException.sender("MissingParameter",
                    "The request must contain the parameter " + first.parameter() + ".");
            case NONE -> throw new IllegalStateException("style NONE reports nothing");
        };
    }

    /** "1 validation error detected: Value ..." or "N validation errors detected: Value ...; Value ...". */
    public static String coralMessage(List<Violation> violations) {
        StringBuilder message = new StringBuilder().append(violations.size())
                .append(violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                message.append("; ");
            }
            message.append(violations.get(i).describe());
        }
        return message.toString();
    }
}
