package io.kasumi.protocol.validation;

import io.kasumi.api.AwsException;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import io.kasumi.model.StructureShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Validation against the vendored models, with messages as AWS writes them. */
class ModelValidatorTest {
    private static final ServiceModel DYNAMODB = ServiceModelLoader.loadResource("dynamodb");
    private static final ServiceModel LAMBDA = ServiceModelLoader.loadResource("lambda");

    private static StructureShape input(ServiceModel model, String operation) {
        return model.operation(operation).input();
    }

    private static AwsException rejection(ServiceModel model, String operation, Map<String, ?> input) {
        ModelValidator validator = ModelValidator.forService(model);
        return catchThrowableOfType(AwsException.class, () -> validator.check(input(model, operation), input));
    }

    private static String message(ServiceModel model, String operation, Map<String, ?> input) {
        AwsException error = rejection(model, operation, input);
        assertThat(error).as("rejection of %s", input).isNotNull();
        return error.getMessage();
    }

    @Test
    void rejectsMissingRequiredMemberAsCoralValidationException() {
        AwsException error = rejection(DYNAMODB, "DescribeTable", Map.of());

        assertThat(error.code()).isEqualTo("ValidationException");
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.senderFault()).isTrue();
        assertThat(error.getMessage()).isEqualTo("1 validation error detected: Value null at 'tableName' "
                + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void acceptsValidInput() {
        Map<String, Object> table = Map.of(
                "TableName", "Music",
                "BillingMode", "PAY_PER_REQUEST",
                "AttributeDefinitions", List.of(Map.of("AttributeName", "pk", "AttributeType", "S")),
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH")));

        assertThat(ModelValidator.forService(DYNAMODB).validate(input(DYNAMODB, "CreateTable"), table)).isEmpty();
    }

    @Test
    void reportsLengthBeforePatternForOneValue() {
        // DynamoDB answers a table name "x!" like this; index names share the shape's constraints
        assertThat(message(DYNAMODB, "Query", Map.of("TableName", "Music", "IndexName", "x!"))).isEqualTo(
                "2 validation errors detected: Value 'x!' at 'indexName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3; Value 'x!' at 'indexName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void rejectsLengthAboveMaximum() {
        assertThat(message(DYNAMODB, "DescribeTable", Map.of("TableName", "t".repeat(1025)))).isEqualTo(
                "1 validation error detected: Value '" + "t".repeat(1025) + "' at 'tableName' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 1024");
    }

    @Test
    void anchorsPatterns() {
        // [a-zA-Z0-9_.-]+ finds "abc" inside "abc def", but AWS matches the whole value
        assertThat(message(DYNAMODB, "Query", Map.of("TableName", "Music", "IndexName", "abc def"))).isEqualTo(
                "1 validation error detected: Value 'abc def' at 'indexName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void rejectsValueOutsideEnum() {
        assertThat(message(DYNAMODB, "CreateTable", Map.of("TableName", "Music", "BillingMode", ""))).isEqualTo(
                "1 validation error detected: Value '' at 'billingMode' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
    }

    @Test
    void rejectsNumberBelowMinimumInNestedStructure() {
        Map<String, Object> table = Map.of("TableName", "Music",
                "ProvisionedThroughput", Map.of("ReadCapacityUnits", 0L, "WriteCapacityUnits", 5L));

        assertThat(message(DYNAMODB, "CreateTable", table)).isEqualTo(
                "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void pathsListElementsAsIndexDotMember() {
        Map<String, Object> table = Map.of("TableName", "Music",
                "AttributeDefinitions", List.of(Map.of("AttributeName", "pk", "AttributeType", "S"), Map.of()),
                "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "INVALID")));

        assertThat(message(DYNAMODB, "CreateTable", table)).isEqualTo("3 validation errors detected: "
                + "Value null at 'attributeDefinitions.2.member.attributeName' failed to satisfy constraint: "
                + "Member must not be null; "
                + "Value null at 'attributeDefinitions.2.member.attributeType' failed to satisfy constraint: "
                + "Member must not be null; "
                + "Value 'INVALID' at 'keySchema.1.member.keyType' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [HASH, RANGE]");
    }

    @Test
    void rendersEmptyListAndCollectionSize() {
        assertThat(message(DYNAMODB, "CreateTable", Map.of("TableName", "Music", "KeySchema", List.of())))
                .isEqualTo("1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @Test
    void rendersStructuresInListsWithTheirMembers() {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(Map.of());
        }
        String text = message(DYNAMODB, "BatchGetItem", Map.of("RequestItems", Map.of("Music", Map.of("Keys", keys))));

        assertThat(text).startsWith("1 validation error detected: Value '[{}, {}, ")
                .endsWith("' at 'requestItems.Music.member.keys' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 100");
    }

    @Test
    void pathsMapValuesAsKeyDotMember() {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("Music", Map.of("Keys", List.of(Map.of())));
        items.put("Books", Map.of("ConsistentRead", true));

        assertThat(message(DYNAMODB, "BatchGetItem", Map.of("RequestItems", items))).isEqualTo(
                "1 validation error detected: Value null at 'requestItems.Books.member.keys' failed to satisfy "
                        + "constraint: Member must not be null");
    }

    @Test
    void reportsCollectionValuesOfAMapOnceAtTheMap() {
        Map<String, Object> put = Map.of("PutRequest", Map.of("Item", Map.of("pk", Map.of("S", "a"))));
        Map<String, Object> write = Map.of("RequestItems", Map.of("Music", Collections.nCopies(26, put)));

        String text = message(DYNAMODB, "BatchWriteItem", write);

        assertThat(text).startsWith("1 validation error detected: Value '{Music=[WriteRequest(")
                .contains("putRequest=PutRequest(item={pk=AttributeValue(", "s=a", "deleteRequest=null")
                .endsWith(")]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                        + "[Member must have length less than or equal to 25, "
                        + "Member must have length greater than or equal to 1]");
    }

    @Test
    void walksStructuresInsideCollectionsInsideMaps() {
        Map<String, Object> write = Map.of("RequestItems", Map.of("Music", List.of(Map.of("PutRequest", Map.of()))));

        assertThat(message(DYNAMODB, "BatchWriteItem", write)).isEqualTo("1 validation error detected: Value null "
                + "at 'requestItems.Music.member.1.member.putRequest.item' failed to satisfy constraint: "
                + "Member must not be null");
    }

    @Test
    void reportsSimpleListElementsOnceAtTheList() {
        ServiceModel ssm = ServiceModelLoader.loadResource("ssm");

        assertThat(message(ssm, "GetParameters", Map.of("Names", List.of("a", "", "")))).isEqualTo(
                "1 validation error detected: Value '[a, , ]' at 'names' failed to satisfy constraint: "
                        + "Member must satisfy constraint: [Member must have length less than or equal to 2048, "
                        + "Member must have length greater than or equal to 1]");
    }

    @Test
    void reportsMapValuesOnceAtTheMapWithDoubleBounds() {
        Map<String, Object> alias = Map.of("FunctionName", "f", "Name", "live", "FunctionVersion", "1",
                "RoutingConfig", Map.of("AdditionalVersionWeights", Map.of("2", 1.5)));

        assertThat(message(LAMBDA, "CreateAlias", alias)).isEqualTo(
                "1 validation error detected: Value '{2=1.5}' at 'routingConfig.additionalVersionWeights' failed to "
                        + "satisfy constraint: Map value must satisfy constraint: [Member must have value less than "
                        + "or equal to 1.0, Member must have value greater than or equal to 0.0]");
    }

    @Test
    void hidesSensitiveMapsAndReportsTheirKeys() {
        Map<String, Object> update = Map.of("FunctionName", "f",
                "Environment", Map.of("Variables", Map.of("1BAD", "secret")));

        String text = message(LAMBDA, "UpdateFunctionConfiguration", update);

        assertThat(text).isEqualTo("1 validation error detected: Value at 'environment.variables' failed to "
                + "satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression "
                + "pattern: [a-zA-Z]([a-zA-Z0-9_])+]");
        assertThat(text).doesNotContain("secret");
    }

    @Test
    void hidesSensitiveStrings() {
        ServiceModel secrets = ServiceModelLoader.loadResource("secretsmanager");

        assertThat(message(secrets, "CreateSecret", Map.of("Name", "db", "SecretString", ""))).isEqualTo(
                "1 validation error detected: Value at 'secretString' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @Test
    void validatesUriBoundMembersByMemberName() {
        assertThat(message(LAMBDA, "GetFunction", Map.of("FunctionName", "bad name"))).startsWith(
                "1 validation error detected: Value 'bad name' at 'functionName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: (arn:");
    }

    @Test
    void listsAtMostTenViolations() {
        List<Object> definitions = Collections.nCopies(8, Map.of());
        Map<String, Object> table = Map.of("TableName", "Music", "AttributeDefinitions", definitions);

        List<Violation> violations = ModelValidator.forService(DYNAMODB).validate(input(DYNAMODB, "CreateTable"), table);

        assertThat(violations).hasSize(10);
        assertThat(violations.getLast().path()).isEqualTo("attributeDefinitions.5.member.attributeType");
        assertThat(message(DYNAMODB, "CreateTable", table)).startsWith("10 validation errors detected: ");
    }

    @Test
    void ignoresValuesOfAnotherTypeThanTheirShape() {
        Map<String, Object> table = Map.of("TableName", 42, "KeySchema", "not a list",
                "ProvisionedThroughput", List.of(1));

        assertThatCode(() -> ModelValidator.forService(DYNAMODB).check(input(DYNAMODB, "CreateTable"), table))
                .doesNotThrowAnyException();
    }

    @Test
    void walksRecursiveShapesWithoutConstraints() {
        Map<String, Object> value = Map.of("M", Map.of("inner", Map.of("L", List.of(Map.of("S", "x")))));
        Map<String, Object> put = Map.of("TableName", "Music", "Item", Map.of("pk", value));

        assertThat(ModelValidator.forService(DYNAMODB).validate(input(DYNAMODB, "PutItem"), put)).isEmpty();
    }

    @Test
    void stsAnswersValidationErrorWithCoralMessage() {
        ServiceModel sts = ServiceModelLoader.loadResource("sts");

        AwsException error = rejection(sts, "AssumeRole", Map.of("RoleArn", "1234", "RoleSessionName", "nope"));

        assertThat(error.code()).isEqualTo("ValidationError");
        assertThat(error.getMessage()).isEqualTo("1 validation error detected: Value '1234' at 'roleArn' failed to "
                + "satisfy constraint: Member must have length greater than or equal to 20");
    }

    @Test
    void stsAcceptsSupplementaryCharactersItsPatternAllows() {
        ServiceModel sts = ServiceModelLoader.loadResource("sts");
        Map<String, Object> assume = Map.of("RoleArn", "arn:aws:iam::123456789012:role/\uD83D\uDE00",
                "RoleSessionName", "session");

        assertThat(ModelValidator.forService(sts).validate(input(sts, "AssumeRole"), assume)).isEmpty();
    }

    @Test
    void sqsReportsOnlyMissingParameters() {
        ServiceModel sqs = ServiceModelLoader.loadResource("sqs");

        AwsException error = rejection(sqs, "SendMessage", Map.of("MessageBody", "hi"));

        assertThat(error.code()).isEqualTo("MissingParameter");
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.getMessage()).isEqualTo("The request must contain the parameter QueueUrl.");
        Map<String, Object> badEnum = Map.of("QueueUrl", "q", "AttributeNames", List.of("NoSuchAttribute"));
        assertThat(ModelValidator.forService(sqs).validate(input(sqs, "GetQueueAttributes"), badEnum)).isEmpty();
    }

    @Test
    void snsReportsMissingParameterAsInvalidParameter() {
        ServiceModel sns = ServiceModelLoader.loadResource("sns");

        AwsException error = rejection(sns, "DeleteTopic", Map.of());

        assertThat(error.code()).isEqualTo("InvalidParameterException");
        assertThat(error.getMessage()).isEqualTo("Invalid parameter: TopicArn Reason: no value for required parameter");
    }

    @Test
    void s3IsNotValidatedGenerically() {
        ServiceModel s3 = ServiceModelLoader.loadResource("s3");

        assertThat(ModelValidator.forService(s3).validate(input(s3, "PutObject"), Map.of())).isEmpty();
    }

    @Test
    void preparesEveryOperationOfEveryVendoredModel() {
        for (String service : List.of("apigateway", "apigatewayv2", "cloudwatch", "dynamodb", "dynamodbstreams",
                "iam", "kinesis", "kms", "lambda", "logs", "s3", "secretsmanager", "sns", "sqs", "ssm", "sts")) {
            ServiceModel model = ServiceModelLoader.loadResource(service);
            ModelValidator validator = new ModelValidator(ValidationErrorStyle.CORAL_JSON).prepare(model);
            model.operations().values().stream().filter(operation -> operation.input() != null).forEach(operation ->
                    assertThatCode(() -> validator.validate(operation.input(), Map.of()))
                            .as("%s %s", service, operation.name()).doesNotThrowAnyException());
        }
    }
}
