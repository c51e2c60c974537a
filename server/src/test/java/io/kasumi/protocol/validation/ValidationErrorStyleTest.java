package io.kasumi.protocol.validation;

import io.kasumi.model.ServiceModelLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValidationErrorStyleTest {

    @ParameterizedTest
    @CsvSource({
            "dynamodb, CORAL_JSON", "dynamodbstreams, CORAL_JSON", "lambda, CORAL_JSON", "kms, CORAL_JSON",
            "logs, CORAL_JSON", "secretsmanager, CORAL_JSON", "ssm, CORAL_JSON", "kinesis, CORAL_JSON",
            "sts, CORAL_QUERY", "iam, CORAL_QUERY", "sns, SNS", "sqs, SQS",
            "s3, NONE", "cloudwatch, NONE", "apigateway, NONE", "apigatewayv2, NONE"})
    void picksTheStyleOfEachVendoredService(String service, ValidationErrorStyle style) {
        assertThat(ValidationErrorStyle.forModel(ServiceModelLoader.loadResource(service))).isEqualTo(style);
    }

    @Test
    void countsOneErrorInTheSingular() {
        Violation missing = new Violation("name", "Name", Violation.Shown.NULL, new Constraint.NotNull());

        assertThat(ValidationErrorStyle.coralMessage(List.of(missing))).isEqualTo(
                "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void describesEveryConstraintKind() {
        assertThat(List.of(
                new Constraint.MaxLength(5), new Constraint.MinLength(1), new Constraint.MaxValue("1.0"),
                new Constraint.MinValue("0"), new Constraint.MatchesPattern("[a-z]+"),
                new Constraint.EnumValues(List.of("A", "B")),
                new Constraint.Elements(Constraint.Scope.MAP_KEYS, List.of(new Constraint.MinLength(1)))))
                .extracting(Constraint::describe).containsExactly(
                        "Member must have length less than or equal to 5",
                        "Member must have length greater than or equal to 1",
                        "Member must have value less than or equal to 1.0",
                        "Member must have value greater than or equal to 0",
                        "Member must satisfy regular expression pattern: [a-z]+",
                        "Member must satisfy enum value set: [A, B]",
                        "Map keys must satisfy constraint: [Member must have length greater than or equal to 1]");
    }

    @Test
    void refusesToReportNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> ValidationErrorStyle.CORAL_JSON.toException(List.of()));
    }
}
