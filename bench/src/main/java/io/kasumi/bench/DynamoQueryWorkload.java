package io.kasumi.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** DynamoDB Query of 10 items (a sort-key range) from a 100-item partition; 10 such partitions. */
record DynamoQueryWorkload() implements Workload {
    private static final int PARTITIONS = 10;
    private static final int ITEMS_PER_PARTITION = 100;

    @Override
    public String name() {
        return "ddb-query-10";
    }

    @Override
    public String service() {
        return "dynamodb";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) {
        DynamoTables.Table table = DynamoTables.create(sdk, "bench-query");
        for (int p = 0; p < PARTITIONS; p++) {
            for (int s = 0; s < ITEMS_PER_PARTITION; s++) {
                String pk = "p" + p;
                int sk = s;
                sdk.dynamodb().putItem(b -> b.tableName(table.name()).item(DynamoTables.item(pk, sk)));
            }
        }
        return new Run() {
            @Override
            public int execute() {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int from = random.nextInt(ITEMS_PER_PARTITION - 10);
                int count = sdk.dynamodb().query(b -> b.tableName(table.name())
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("p" + random.nextInt(PARTITIONS)),
                                ":from", AttributeValue.fromN(Integer.toString(from)),
                                ":to", AttributeValue.fromN(Integer.toString(from + 9))))).count();
                if (count != 10) {
                    throw new IllegalStateException("queried " + count + " items, expected 10");
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
