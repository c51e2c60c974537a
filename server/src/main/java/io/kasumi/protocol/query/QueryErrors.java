package io.kasumi.protocol.query;

import io.kasumi.api.AwsException;

/** The errors query-protocol services answer for requests they cannot read (AWS's common errors). */
final class QueryErrors {
    private QueryErrors() {
    }

    static AwsException missingAction() {
        return AwsException.sender("MissingAction", "The request is missing an action or a required parameter.");
    }

    static AwsException invalidAction(String action) {
        return AwsException.sender("InvalidAction", "The action " + action + " is not valid for this web service.");
    }

    /** AWS documents this one with status 404. */
    static AwsException malformedQueryString(String detail) {
        return new AwsException("MalformedQueryString", "The query string contains a syntax error: " + detail, 404, true);
    }

    /** A parameter whose text is not a value of its type (e.g. DurationSeconds=NaN). */
    static AwsException malformedInput(String message) {
        return AwsException.sender("MalformedInput", message);
    }
}
