package io.kasumi.bench;

import java.util.concurrent.ThreadLocalRandom;

/** DynamoDB GetItem (eventually consistent) of 1 KB items from a table of 1,000. */
record DynamoGetWorkload() implements Workload {
    private static final int ITEMS = 1000;

    @Override
    public String name() {
        return "ddb-get";
    }

    @Override
    public String service() {
        return "dynamodb";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        DynamoTables.Table table = DynamoTables.create(sdk, "bench-get");
        for (int n = 0; n < ITEMS; n++) {
            int i = n;
            sdk.dynamodb().putItem(b -> b.tableName(table.name()).item(DynamoTables.item("p" + i, i)));
        }
        return new Run() {
            @Override
            public int execute() {
                int i = ThreadLocalRandom.current().nextInt(ITEMS);
                if (!sdk.dynamodb().getItem(b -> b.tableName(table.name()).key(DynamoTables.key("p" + i, i))).hasItem()) {
                    throw new IllegalStateException("item p" + i + " missing");
                }
                return 1;
            }

            @Override
            public void close() {
                table.close();
            }
        };
    }
}
