package io.kasumi.services.sqs;

/** One message attribute as stored: a String/Number value or a Binary one, with its data type. */
record AttributeValue(String dataType, String stringValue, byte[] binaryValue) {

    boolean binary() {
        return dataType.startsWith("Binary");
    }
}
