package io.kasumi.services.sns;

import io.kasumi.api.AwsException;
import io.kasumi.api.sns.InvalidParameterException;
import io.kasumi.api.sns.InvalidParameterValueException;
import io.kasumi.api.sns.NotFoundException;

/** The errors SNS answers most, worded as AWS words them. */
final class SnsErrors {

    static InvalidParameterException invalidParameter(String detail) {
        return new InvalidParameterException("Invalid parameter: " + detail);
    }

    static InvalidParameterValueException invalidParameterValue(String message) {
        return new InvalidParameterValueException(message);
    }

    static NotFoundException topicNotFound() {
        return new NotFoundException("Topic does not exist");
    }

    static NotFoundException subscriptionNotFound() {
        return new NotFoundException("Subscription does not exist");
    }

    /** The code a PublishBatch failure entry carries: the awsQuery code clients know. */
    static String wireCode(AwsException e) {
        return switch (e.code()) {
            case InvalidParameterException.CODE -> "InvalidParameter";
            case InvalidParameterValueException.CODE -> "ParameterValueInvalid";
            case NotFoundException.CODE -> "NotFound";
            default -> e.code();
        };
    }

    private SnsErrors() {
    }
}
