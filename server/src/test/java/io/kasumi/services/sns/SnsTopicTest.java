package io.kasumi.services.sns;

import io.kasumi.Kasumi;
import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kasumi.services.sns.SnsClients.code;
import static io.kasumi.services.sns.SnsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnsTopicTest {
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SnsClient sns;

    @BeforeAll
    static void connect() {
        sns = kasumi.client(SnsClients::sns);
    }

    @Test
    void createsTopicIdempotentlyAndReportsItsAttributes() {
        String name = unique("orders");
        String arn = sns.createTopic(r -> r.name(name).attributes(Map.of("DisplayName", "Orders"))).topicArn();
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:000000000000:" + name);
        assertThat(sns.createTopic(r -> r.name(name).attributes(Map.of("DisplayName", "Orders"))).topicArn()).isEqualTo(arn);

        Map<String, String> attributes = sns.getTopicAttributes(r -> r.topicArn(arn)).attributes();
        assertThat(attributes).containsEntry("TopicArn", arn).containsEntry("Owner", "000000000000")
                .containsEntry("DisplayName", "Orders").containsEntry("SubscriptionsConfirmed", "0")
                .containsEntry("SubscriptionsPending", "0").containsEntry("SubscriptionsDeleted", "0")
                .containsKeys("Policy", "EffectiveDeliveryPolicy").doesNotContainKey("FifoTopic");
    }

    @Test
    void rejectsSameNameWithDifferentAttributes() {
        String name = unique("t");
        sns.createTopic(r -> r.name(name).attributes(Map.of("DisplayName", "one")));
        assertThatThrownBy(() -> sns.createTopic(r -> r.name(name).attributes(Map.of("DisplayName", "two"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Topic already exists with different attributes");
    }

    @Test
    void rejectsInvalidTopicNames() {
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("bad name!")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameter"))
                .hasMessageContaining("Invalid parameter: Topic Name");
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("not-fifo").attributes(Map.of("FifoTopic", "true"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Fifo Topic names must end with .fifo");
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("plain.fifo")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void createsFifoTopicWithContentBasedDeduplication() {
        String arn = sns.createTopic(r -> r.name(unique("f") + ".fifo")
                .attributes(Map.of("FifoTopic", "true", "ContentBasedDeduplication", "true"))).topicArn();
        assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes())
                .containsEntry("FifoTopic", "true").containsEntry("ContentBasedDeduplication", "true");
        assertThatThrownBy(() -> sns.createTopic(r -> r.name(unique("s")).attributes(Map.of("ContentBasedDeduplication", "true"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void setsTopicAttributesAndRejectsUnknownNames() {
        String arn = sns.createTopic(r -> r.name(unique("t"))).topicArn();
        sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("DisplayName").attributeValue("Shown"));
        sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("KmsMasterKeyId").attributeValue("alias/aws/sns"));
        sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("DeliveryPolicy")
                .attributeValue("{\"http\":{\"defaultHealthyRetryPolicy\":{\"numRetries\":5}}}"));
        assertThat(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes())
                .containsEntry("DisplayName", "Shown").containsEntry("KmsMasterKeyId", "alias/aws/sns")
                .containsEntry("DeliveryPolicy", "{\"http\":{\"defaultHealthyRetryPolicy\":{\"numRetries\":5}}}");
        assertThatThrownBy(() -> sns.setTopicAttributes(r -> r.topicArn(arn).attributeName("Bogus").attributeValue("x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("AttributeName");
    }

    @Test
    void answersNotFoundForMissingTopicsAndDeleteIsIdempotent() {
        String arn = sns.createTopic(r -> r.name(unique("gone"))).topicArn();
        sns.deleteTopic(r -> r.topicArn(arn));
        sns.deleteTopic(r -> r.topicArn(arn));
        assertThatThrownBy(() -> sns.getTopicAttributes(r -> r.topicArn(arn)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Topic does not exist");
        assertThatThrownBy(() -> sns.getTopicAttributes(r -> r.topicArn("not-an-arn")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void listsTopicsInPagesOfOneHundred() {
        Kasumi own = TestKasumi.start();
        try (SnsClient client = SnsClients.sns(own)) {
            for (int i = 0; i < 105; i++) {
                int n = i;
                client.createTopic(r -> r.name("page-" + n));
            }
            List<Topic> all = new ArrayList<>();
            var first = client.listTopics();
            all.addAll(first.topics());
            assertThat(first.topics()).hasSize(100);
            assertThat(first.nextToken()).isNotNull();
            var second = client.listTopics(r -> r.nextToken(first.nextToken()));
            all.addAll(second.topics());
            assertThat(second.nextToken()).isNull();
            assertThat(all).hasSize(105).doesNotHaveDuplicates();
        } finally {
            own.close();
        }
    }

    @Test
    void tagsTopics() {
        String arn = sns.createTopic(r -> r.name(unique("tagged")).tags(Tag.builder().key("team").value("a").build())).topicArn();
        sns.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("dev").build()));
        assertThat(sns.listTagsForResource(r -> r.resourceArn(arn)).tags())
                .extracting(Tag::key, Tag::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("team", "a"), org.assertj.core.groups.Tuple.tuple("env", "dev"));
        sns.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(sns.listTagsForResource(r -> r.resourceArn(arn)).tags()).extracting(Tag::key).containsExactly("env");
        assertThatThrownBy(() -> sns.listTagsForResource(r -> r.resourceArn(arn + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void storesDataProtectionPolicies() {
        String arn = sns.createTopic(r -> r.name(unique("dpp"))).topicArn();
        assertThat(sns.getDataProtectionPolicy(r -> r.resourceArn(arn)).dataProtectionPolicy()).isNull();
        String policy = "{\"Name\":\"p\",\"Version\":\"2021-06-01\",\"Statement\":[]}";
        sns.putDataProtectionPolicy(r -> r.resourceArn(arn).dataProtectionPolicy(policy));
        assertThat(sns.getDataProtectionPolicy(r -> r.resourceArn(arn)).dataProtectionPolicy()).isEqualTo(policy);
    }

    @Test
    void topicsSurviveARestartWithADataDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String arn;
        try (Kasumi first = Kasumi.builder().port(0).dataDir(dir).start(); SnsClient client = SnsClients.sns(first)) {
            arn = client.createTopic(r -> r.name("durable").tags(Tag.builder().key("k").value("v").build())).topicArn();
            client.subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:q"));
        }
        try (Kasumi second = Kasumi.builder().port(0).dataDir(dir).start(); SnsClient client = SnsClients.sns(second)) {
            assertThat(client.listTopics().topics()).extracting(Topic::topicArn).containsExactly(arn);
            assertThat(client.listSubscriptionsByTopic(r -> r.topicArn(arn)).subscriptions()).hasSize(1);
            assertThat(client.listTagsForResource(r -> r.resourceArn(arn)).tags()).hasSize(1);
        }
    }
}
