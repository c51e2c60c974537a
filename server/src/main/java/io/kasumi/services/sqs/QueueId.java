package io.kasumi.services.sqs;

/** Where a queue lives: its owner account, region and name (unique within the two). */
record QueueId(String account, String region, String name) {

    String arn() {
        return "arn:aws:sqs:" + region + ":" + account + ":" + name;
    }

    /** The queue URL under the endpoint the client reached Kasumi at. */
    String url(String endpoint) {
        return endpoint + "/" + account + "/" + name;
    }

    boolean fifo() {
        return name.endsWith(".fifo");
    }

    /** Parses {@code arn:aws:sqs:REGION:ACCOUNT:NAME}; null when it is not an SQS queue ARN. */
    static QueueId fromArn(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", -1);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("sqs") || parts[5].isEmpty()) {
            return null;
        }
        return new QueueId(parts[4], parts[3], parts[5]);
    }
}
