package io.kasumi.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @ParameterizedTest
    @CsvSource({
            "RoleArn, roleArn",
            "SSEKMSKeyId, ssekmsKeyId",
            "ARN, arn",
            "VPCConfig, vpcConfig",
            "S3Key, s3Key",
            "ETag, eTag",
            "KMS2, kms2",
            "eventID, eventID",
            "awsRegion, awsRegion",
            "x-amz-meta, xAmzMeta",
            "Marker_, marker",
            "3DS, _3DS"
    })
    void camelCasesMemberNames(String member, String expected) {
        assertThat(Names.memberName(member)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "Default, default_",
            "Class, class_",
            "Record, record_",
            "Enum, enum_",
            "HashCode, hashCode_",
            "ToString, toString_",
            "GetClass, getClass_",
            "Wait, wait_",
            "ToTree, toTree_",
            "IO, io_",
            "Java, java_"
    })
    void suffixesKeywordsAndClashingNamesWithUnderscore(String member, String expected) {
        assertThat(Names.memberName(member)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "AES256, AES256",
            "aws:kms, AWS_KMS",
            "aws:kms:dsse, AWS_KMS_DSSE",
            "ObjectCreated:*, OBJECT_CREATED",
            "s3:ObjectCreated:Put, S3_OBJECT_CREATED_PUT",
            "nodejs20.x, NODEJS20_X",
            "us-east-1, US_EAST_1",
            "STANDARD_IA, STANDARD_IA",
            "PAY_PER_REQUEST, PAY_PER_REQUEST",
            "SSEKMSKey, SSEKMS_KEY",
            "1.0, _1_0",
            "*, EMPTY"
    })
    void derivesUpperSnakeEnumConstants(String value, String expected) {
        assertThat(Names.enumConstant(value)).isEqualTo(expected);
    }

    @Test
    void appendsExceptionUnlessTheShapeNameEndsSo() {
        assertThat(Names.exceptionName("NoSuchBucket")).isEqualTo("NoSuchBucketException");
        assertThat(Names.exceptionName("ResourceNotFoundException")).isEqualTo("ResourceNotFoundException");
        assertThat(Names.exceptionName("InternalServerError")).isEqualTo("InternalServerErrorException");
        assertThat(Names.exceptionName("LimitExceededFault")).isEqualTo("LimitExceededFaultException");
    }

    @Test
    void typeNamesArePascalCaseIdentifiers() {
        assertThat(Names.typeName("Bucket")).isEqualTo("Bucket");
        assertThat(Names.typeName("API Gateway")).isEqualTo("APIGateway");
        assertThat(Names.typeName("__listOfApi")).isEqualTo("ListOfApi");
        assertThat(Names.typeName("3Way")).isEqualTo("_3Way");
    }

    @Test
    void knowsJavaLangTypes() {
        assertThat(Names.clashesWithJavaLang("Object")).isTrue();
        assertThat(Names.clashesWithJavaLang("Record")).isTrue();
        assertThat(Names.clashesWithJavaLang("IO")).isTrue();
        assertThat(Names.clashesWithJavaLang("Bucket")).isFalse();
        assertThat(Names.clashesWithJavaLang("List")).isFalse();
    }

    @Test
    void packagesAreLowerCaseAlphanumerics() {
        assertThat(Names.packageName("s3")).isEqualTo("io.kasumi.api.s3");
        assertThat(Names.packageName("DynamoDB-Streams")).isEqualTo("io.kasumi.api.dynamodbstreams");
        assertThat(Names.packageName("import")).isEqualTo("io.kasumi.api.simport");
    }

    @Test
    void prefixesComeFromTheTableElseFromTheServiceId() {
        assertThat(Names.servicePrefix("dynamodb", "DynamoDB")).isEqualTo("DynamoDb");
        assertThat(Names.servicePrefix("logs", "CloudWatch Logs")).isEqualTo("CloudWatchLogs");
        assertThat(Names.servicePrefix("apigatewayv2", "ApiGatewayV2")).isEqualTo("ApiGatewayV2");
        assertThat(Names.servicePrefix("events", "EventBridge")).isEqualTo("EventBridge");
        assertThat(Names.servicePrefix("secretsmanager", "Secrets Manager")).isEqualTo("SecretsManager");
        assertThat(Names.servicePrefix("route53", "Route 53")).isEqualTo("Route53");
    }

    @Test
    void quotesJavaStringLiterals() {
        assertThat(Names.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(Names.quote("é")).isEqualTo("\"\\u00e9\"");
    }
}
