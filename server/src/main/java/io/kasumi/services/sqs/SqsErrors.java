package io.kasumi.services.sqs;

import io.kasumi.api.AwsException;
import io.kasumi.api.sqs.QueueDoesNotExistException;

/** The SQS errors that have no shape of their own in the model, with AWS's wording. */
final class SqsErrors {

    static AwsException invalidParameterValue(String message) {
        return AwsException.sender("InvalidParameterValue", message);
    }

    /** AWS's "Value V for parameter P is invalid. Reason: R." form. */
    static AwsException invalidParameter(String parameter, Object value, String reason) {
        return invalidParameterValue("Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason);
    }

    static AwsException missingParameter(String parameter) {
        return AwsException.sender("MissingParameter", "The request must contain the parameter " + parameter + ".");
    }

    static QueueDoesNotExistException noSuchQueue() {
        return new QueueDoesNotExistException("The specified queue does not exist.");
    }

    private SqsErrors() {
    }
}
