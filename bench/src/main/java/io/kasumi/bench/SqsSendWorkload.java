package io.kasumi.bench;

/** SQS SendMessage of a ~200-byte body, all clients to one queue. */
record SqsSendWorkload() implements Workload {
    static final String BODY = "{\"order\":\"bench\",\"items\":[" + "\"0123456789abcdef\",".repeat(9) + "\"end\"]}";

    @Override
    public String name() {
        return "sqs-send";
    }

    @Override
    public String service() {
        return "sqs";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        String queueUrl = sdk.sqs().createQueue(b -> b.queueName("bench-send-" + System.nanoTime())).queueUrl();
        return new Run() {
            @Override
            public int execute() {
                sdk.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(BODY));
                return 1;
            }

            @Override
            public void close() {
                sdk.sqs().deleteQueue(b -> b.queueUrl(queueUrl));
            }
        };
    }
}
