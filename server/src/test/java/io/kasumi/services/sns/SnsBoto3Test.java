package io.kasumi.services.sns;

import io.kasumi.ExternalTool;
import io.kasumi.RunningKasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end check with boto3: one topic, three queues with different filter
 * policies, 1,000 messages published in batches; each queue receives exactly its share.
 */
class SnsBoto3Test {
    private static final String SCRIPT = """
            import json, boto3
            sns = boto3.client("sns")
            sqs = boto3.client("sqs")
            topic = sns.create_topic(Name="fanout-e2e")["TopicArn"]
            policies = {
                "reds": {"color": ["red"]},
                "big": {"size": [{"numeric": [">=", 500]}]},
                "not-red": {"color": [{"anything-but": "red"}]},
            }
            urls = {}
            for name, policy in policies.items():
                url = sqs.create_queue(QueueName="e2e-" + name)["QueueUrl"]
                arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
                sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn, ReturnSubscriptionArn=True,
                              Attributes={"RawMessageDelivery": "true", "FilterPolicy": json.dumps(policy)})
                urls[name] = url
            colors = ["red", "green", "blue", "red", "yellow"]
            for start in range(0, 1000, 10):
                entries = [{"Id": "m%d" % i, "Message": "message %d" % i, "MessageAttributes": {
                               "color": {"DataType": "String", "StringValue": colors[i % 5]},
                               "size": {"DataType": "Number", "StringValue": str(i)}}}
                           for i in range(start, start + 10)]
                result = sns.publish_batch(TopicArn=topic, PublishBatchRequestEntries=entries)
                assert len(result["Successful"]) == 10 and not result.get("Failed"), result
            counts = {}
            for name, url in urls.items():
                bodies = set()
                while True:
                    messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
                    if not messages:
                        break
                    for m in messages:
                        bodies.add(m["Body"])
                    sqs.delete_message_batch(QueueUrl=url, Entries=[
                        {"Id": str(n), "ReceiptHandle": m["ReceiptHandle"]} for n, m in enumerate(messages)])
                counts[name] = len(bodies)
            print(json.dumps(counts, sort_keys=True))
            """;

    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();

    @Test
    void boto3FanOutWithFilterPoliciesDeliversEachQueueExactlyItsShare() {
        ExternalTool.requirePythonModule("boto3");
        ExternalTool.Result result = ExternalTool.run(List.of("python3", "-c", SCRIPT),
                ExternalTool.awsEnvironment(kasumi), Duration.ofMinutes(3));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        // 1,000 messages: colors cycle red, green, blue, red, yellow (400 red); sizes 0..999 (500 >= 500)
        assertThat(result.stdout().trim()).isEqualTo("{\"big\": 500, \"not-red\": 600, \"reds\": 400}");
    }
}
