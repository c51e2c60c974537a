package io.kasumi.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Map;

/** The table the DynamoDB workloads share the shape of: pk (S) and sk (N), on demand; items of about 1 KB. */
final class DynamoTables {
    private static final String PAYLOAD = "x".repeat(950);

    /** A table that is deleted when closed. */
    record Table(SdkClients sdk, String name) implements AutoCloseable {
        @Override
        public void close() {
            sdk.dynamodb().deleteTable(b -> b.tableName(name));
        }
    }

    static Table create(SdkClients sdk, String prefix) {
        String name = prefix + "-" + System.nanoTime();
        sdk.dynamodb().createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        sdk.dynamodb().waiter().waitUntilTableExists(b -> b.tableName(name));
        return new Table(sdk, name);
    }

    /** An item of about 1 KB. */
    static Map<String, AttributeValue> item(String pk, long sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Long.toString(sk)),
                "status", AttributeValue.fromS("ACTIVE"), "payload", AttributeValue.fromS(PAYLOAD));
    }

    static Map<String, AttributeValue> key(String pk, long sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Long.toString(sk)));
    }

    private DynamoTables() {
    }
}
