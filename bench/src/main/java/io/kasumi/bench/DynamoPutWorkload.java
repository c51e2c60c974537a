package io.kasumi.bench;

import java.util.concurrent.atomic.AtomicLong;

/** DynamoDB PutItem of 1 KB items, each a new key, spread over 1,000 partitions. */
record DynamoPutWorkload() implements Workload {
    @Override
    public String name() {
        return "ddb-put";
    }

    @Override
    public String service() {
        return "dynamodb";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        DynamoTables.Table table = DynamoTables.create(sdk, "bench-put");
        AtomicLong next = new AtomicLong();
        return new Run() {
            @Override
            public int execute() {
                long n = next.incrementAndGet();
                sdk.dynamodb().putItem(b -> b.tableName(table.name()).item(DynamoTables.item("p" + n % 1000, n)));
                return 1;
            }

            @Override
            public void close() {
                table.close();
            }
        };
    }
}
