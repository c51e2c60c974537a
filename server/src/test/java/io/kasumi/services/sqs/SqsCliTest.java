package io.kasumi.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.ExternalTool;
import io.kasumi.Kasumi;
import io.kasumi.RunningKasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS CLI (which speaks SQS's json protocol, and checks the body digest) against Kasumi. */
class SqsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create().authMode("verify");

    private static JsonNode aws(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("aws", "--endpoint-url", kasumi.endpoint(), "sqs"));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--output", "json"));
        ExternalTool.Result result = ExternalTool.run(command, ExternalTool.awsEnvironment(kasumi), Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    @Test
    void awsCliCreatesQueueSendsAndReceives() throws Exception {
        ExternalTool.require("aws");

        String url = aws("create-queue", "--queue-name", "cli-queue").get("QueueUrl").asText();
        assertThat(url).isEqualTo(kasumi.endpoint() + "/000000000000/cli-queue");
        JsonNode sent = aws("send-message", "--queue-url", url, "--message-body", "from the cli",
                "--message-attributes", "{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"test\"}}");
        assertThat(sent.get("MessageId").asText()).isNotBlank();

        JsonNode received = aws("receive-message", "--queue-url", url, "--message-attribute-names", "All",
                "--attribute-names", "All", "--wait-time-seconds", "1");

        JsonNode message = received.get("Messages").get(0);
        assertThat(message.get("Body").asText()).isEqualTo("from the cli");
        assertThat(message.get("MessageId").asText()).isEqualTo(sent.get("MessageId").asText());
        assertThat(message.get("MessageAttributes").get("kind").get("StringValue").asText()).isEqualTo("test");
        assertThat(message.get("Attributes").get("ApproximateReceiveCount").asText()).isEqualTo("1");
        aws("delete-message", "--queue-url", url, "--receipt-handle", message.get("ReceiptHandle").asText());
    }
}
