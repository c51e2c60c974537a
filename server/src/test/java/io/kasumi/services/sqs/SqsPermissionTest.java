package io.kasumi.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.RunningKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.OverLimitException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.util.List;
import java.util.Map;

import static io.kasumi.services.sqs.SqsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AddPermission and RemovePermission edit the queue's Policy document as AWS does. */
class SqsPermissionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        sqs = kasumi.client(SqsClients::sqs);
    }

    private static Map<String, String> attributes(String url) {
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
    }

    private static JsonNode policy(String url) throws Exception {
        return JSON.readTree(attributes(url).get("Policy"));
    }

    @Test
    void addPermissionWritesAStatementPerLabel() throws Exception {
        String url = sqs.createQueue(r -> r.queueName(unique("perm"))).queueUrl();
        String arn = attributes(url).get("QueueArn");

        sqs.addPermission(r -> r.queueUrl(url).label("senders").awsAccountIds("111122223333").actions("SendMessage"));
        sqs.addPermission(r -> r.queueUrl(url).label("readers").awsAccountIds("111122223333", "444455556666")
                .actions("ReceiveMessage", "DeleteMessage"));

        JsonNode policy = policy(url);
        assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.get("Id").asText()).isEqualTo(arn + "/SQSDefaultPolicy");
        JsonNode senders = policy.get("Statement").get(0);
        assertThat(senders.get("Sid").asText()).isEqualTo("senders");
        assertThat(senders.get("Effect").asText()).isEqualTo("Allow");
        assertThat(senders.get("Principal").get("AWS").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(senders.get("Action").asText()).isEqualTo("SQS:SendMessage");
        assertThat(senders.get("Resource").asText()).isEqualTo(arn);
        JsonNode readers = policy.get("Statement").get(1);
        assertThat(readers.get("Principal").get("AWS").toString())
                .isEqualTo("[\"arn:aws:iam::111122223333:root\",\"arn:aws:iam::444455556666:root\"]");
        assertThat(readers.get("Action").toString()).isEqualTo("[\"SQS:ReceiveMessage\",\"SQS:DeleteMessage\"]");
    }

    @Test
    void addPermissionKeepsAPolicySetBefore() throws Exception {
        String own = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"mine\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"SQS:*\",\"Resource\":\"*\"}}";
        String url = sqs.createQueue(r -> r.queueName(unique("perm")).attributesWithStrings(Map.of("Policy", own))).queueUrl();

        sqs.addPermission(r -> r.queueUrl(url).label("added").awsAccountIds("111122223333").actions("*"));

        JsonNode statements = policy(url).get("Statement");
        assertThat(statements).extracting(s -> s.get("Sid").asText()).containsExactly("mine", "added");
        assertThat(statements.get(1).get("Action").asText()).isEqualTo("SQS:*");
    }

    @Test
    void removePermissionDropsTheLabelAndFinallyThePolicy() throws Exception {
        String url = sqs.createQueue(r -> r.queueName(unique("perm"))).queueUrl();
        sqs.addPermission(r -> r.queueUrl(url).label("a").awsAccountIds("111122223333").actions("SendMessage"));
        sqs.addPermission(r -> r.queueUrl(url).label("b").awsAccountIds("111122223333").actions("GetQueueUrl"));

        sqs.removePermission(r -> r.queueUrl(url).label("a"));
        assertThat(policy(url).get("Statement")).extracting(s -> s.get("Sid").asText()).containsExactly("b");

        sqs.removePermission(r -> r.queueUrl(url).label("b"));
        assertThat(attributes(url)).doesNotContainKey("Policy");
    }

    @Test
    void refusesWhatAwsRefuses() {
        String url = sqs.createQueue(r -> r.queueName(unique("perm"))).queueUrl();
        sqs.addPermission(r -> r.queueUrl(url).label("taken").awsAccountIds("111122223333").actions("SendMessage"));

        assertThatThrownBy(() -> sqs.addPermission(r -> r.queueUrl(url).label("taken").awsAccountIds("111122223333")
                .actions("SendMessage")))
                .isInstanceOf(SqsException.class)
                .hasMessageContaining("Value taken for parameter Label is invalid. Reason: Already exists.");
        assertThatThrownBy(() -> sqs.addPermission(r -> r.queueUrl(url).label("owner").awsAccountIds("111122223333")
                .actions("DeleteQueue")))
                .hasMessageContaining("Only the queue owner is allowed to invoke this action.");
        assertThatThrownBy(() -> sqs.addPermission(r -> r.queueUrl(url).label("many").awsAccountIds("111122223333")
                .actions(List.of("SendMessage", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility",
                        "GetQueueAttributes", "GetQueueUrl", "PurgeQueue", "ListDeadLetterSourceQueues"))))
                .isInstanceOf(OverLimitException.class);
        assertThatThrownBy(() -> sqs.removePermission(r -> r.queueUrl(url).label("absent")))
                .hasMessageContaining("can't find label on existing policy.");
        assertThat(SqsClients.code(catchError(() -> sqs.removePermission(r -> r.queueUrl(url).label("absent")))))
                .isEqualTo("InvalidParameterValue");
    }

    private static Throwable catchError(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }
}
