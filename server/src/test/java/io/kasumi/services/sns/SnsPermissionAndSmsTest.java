package io.kasumi.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasumi.Kasumi;
import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import static io.kasumi.services.sns.SnsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnsPermissionAndSmsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SnsClient sns;

    @BeforeAll
    static void connect() {
        sns = kasumi.client(SnsClients::sns);
    }

    private static JsonNode policy(String topic) throws Exception {
        return JSON.readTree(sns.getTopicAttributes(r -> r.topicArn(topic)).attributes().get("Policy"));
    }

    @Test
    void addPermissionAppendsAStatementToTheDefaultPolicy() throws Exception {
        String topic = sns.createTopic(r -> r.name(unique("t"))).topicArn();
        sns.addPermission(r -> r.topicArn(topic).label("share").awsAccountIds("111122223333").actionNames("Publish", "Subscribe"));

        JsonNode statements = policy(topic).get("Statement");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).get("Sid").asText()).isEqualTo("__default_statement_ID");
        JsonNode added = statements.get(1);
        assertThat(added.get("Sid").asText()).isEqualTo("share");
        assertThat(added.get("Effect").asText()).isEqualTo("Allow");
        assertThat(added.get("Principal").get("AWS").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(added.get("Action")).extracting(JsonNode::asText).containsExactly("SNS:Publish", "SNS:Subscribe");
        assertThat(added.get("Resource").asText()).isEqualTo(topic);
    }

    @Test
    void rejectsDuplicateAndUnknownLabels() throws Exception {
        String topic = sns.createTopic(r -> r.name(unique("t"))).topicArn();
        sns.addPermission(r -> r.topicArn(topic).label("one").awsAccountIds("111122223333").actionNames("Publish"));
        assertThatThrownBy(() -> sns.addPermission(r -> r.topicArn(topic).label("one").awsAccountIds("444455556666")
                .actionNames("Publish")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Statement already exists");
        assertThatThrownBy(() -> sns.addPermission(r -> r.topicArn(topic).label("two").awsAccountIds("444455556666")
                .actionNames("Fly")))
                .isInstanceOf(InvalidParameterException.class);

        sns.removePermission(r -> r.topicArn(topic).label("one"));
        assertThat(policy(topic).get("Statement")).hasSize(1);
        assertThatThrownBy(() -> sns.removePermission(r -> r.topicArn(topic).label("one")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.removePermission(r -> r.topicArn(topic + "-gone").label("one")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void storesSmsAttributes() {
        sns.setSMSAttributes(r -> r.attributes(Map.of("DefaultSMSType", "Transactional", "DefaultSenderID", "Kasumi")));
        assertThat(sns.getSMSAttributes(r -> r.attributes("DefaultSMSType")).attributes())
                .containsExactly(Map.entry("DefaultSMSType", "Transactional"));
        assertThat(sns.getSMSAttributes(r -> { }).attributes()).containsEntry("DefaultSenderID", "Kasumi");
        assertThatThrownBy(() -> sns.setSMSAttributes(r -> r.attributes(Map.of("DefaultSMSType", "Loud"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> sns.setSMSAttributes(r -> r.attributes(Map.of("Volume", "11"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void optedOutNumbersAreListedUntilOptedIn() throws Exception {
        var response = TestKasumi.send(HttpRequest.newBuilder(URI.create(kasumi.endpoint()
                + "/_kasumi/sns/opt-outs?phoneNumber=%2B15555550199")).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(200);

        assertThat(sns.checkIfPhoneNumberIsOptedOut(r -> r.phoneNumber("+15555550199")).isOptedOut()).isTrue();
        assertThat(sns.listPhoneNumbersOptedOut(r -> { }).phoneNumbers()).contains("+15555550199");

        sns.optInPhoneNumber(r -> r.phoneNumber("+15555550199"));
        assertThat(sns.checkIfPhoneNumberIsOptedOut(r -> r.phoneNumber("+15555550199")).isOptedOut()).isFalse();
        assertThat(sns.listPhoneNumbersOptedOut(r -> { }).phoneNumbers()).doesNotContain("+15555550199");
    }
}
