package io.kasumi.model;

/**
 * The "error" trait of an exception shape.
 *
 * @param code the wire error code when it differs from the shape name (awsQuery), else null
 * @param httpStatus the status AWS answers with
 * @param senderFault true for client (Sender) faults, false for server (Receiver) faults
 */
public record ErrorTrait(String code, int httpStatus, boolean senderFault) {
}
