package io.kasumi.services.sqs;

import io.kasumi.ExternalTool;
import io.kasumi.Kasumi;
import io.kasumi.RunningKasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * boto3 forced onto the query protocol: it is given SQS's model as the query era shipped it
 * (Kasumi's vendored model with its patch, query names as locationName, protocol query), so its
 * own serializer and XML parser talk to Kasumi, as old botocore releases did.
 */
class SqsBoto3QueryTest {
    private static final String SCRIPT = """
            import json, os, sys, boto3
            model_path, patch_path, data_dir, endpoint = sys.argv[1:5]

            def merge(base, overlay):
                for key, value in overlay.items():
                    if isinstance(base.get(key), dict) and isinstance(value, dict):
                        merge(base[key], value)
                    else:
                        base[key] = value

            def query_names(node):
                if isinstance(node, dict):
                    if "queryName" in node:
                        node["locationName"] = node.pop("queryName")
                    for value in node.values():
                        query_names(value)

            model = json.load(open(model_path))
            merge(model, json.load(open(patch_path)))
            query_names(model)
            model["metadata"].update({"protocol": "query", "protocols": ["query"]})
            for name, operation in model["operations"].items():
                if "output" in operation:
                    operation["output"]["resultWrapper"] = name + "Result"
            target = os.path.join(data_dir, "sqs", "2012-11-05")
            os.makedirs(target)
            json.dump(model, open(os.path.join(target, "service-2.json"), "w"))
            os.environ["AWS_DATA_PATH"] = data_dir

            sqs = boto3.client("sqs", endpoint_url=endpoint)
            url = sqs.create_queue(QueueName="boto-query", Attributes={"VisibilityTimeout": "40"},
                                   tags={"team": "core"})["QueueUrl"]
            sent = sqs.send_message(QueueUrl=url, MessageBody="via query",
                                    MessageAttributes={"color": {"DataType": "String", "StringValue": "red"}})
            received = sqs.receive_message(QueueUrl=url, AttributeNames=["All"], MessageAttributeNames=["All"])
            message = received["Messages"][0]
            batch = sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": "a", "MessageBody": "x"},
                                                                   {"Id": "b", "MessageBody": "y"}])
            try:
                sqs.get_queue_url(QueueName="no-such-queue")
                error = None
            except sqs.exceptions.ClientError as e:
                error = e.response["Error"]["Code"]
            print(json.dumps({
                "protocol": sqs.meta.service_model.protocol,
                "url": url,
                "sentId": sent["MessageId"],
                "body": message["Body"],
                "receivedId": message["MessageId"],
                "color": message["MessageAttributes"]["color"]["StringValue"],
                "receiveCount": message["Attributes"]["ApproximateReceiveCount"],
                "visibility": sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["VisibilityTimeout"])["Attributes"],
                "tags": sqs.list_queue_tags(QueueUrl=url)["Tags"],
                "queues": sqs.list_queues(QueueNamePrefix="boto-")["QueueUrls"],
                "batch": sorted(entry["Id"] for entry in batch["Successful"]),
                "error": error,
            }))
            """;
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();

    private static Path resource(String name, Path dir) throws Exception {
        Path file = dir.resolve(name.replace('/', '-'));
        try (InputStream in = SqsBoto3QueryTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void boto3SpeakingQueryWorksEndToEnd(@TempDir Path dir) throws Exception {
        ExternalTool.requirePythonModule("boto3");
        Path script = Files.writeString(dir.resolve("query.py"), SCRIPT);
        Map<String, String> environment = new HashMap<>(ExternalTool.awsEnvironment(kasumi));

        ExternalTool.Result result = ExternalTool.run(List.of("python3", script.toString(),
                resource("models/sqs.json", dir).toString(), resource("models/patches/sqs.json", dir).toString(),
                dir.resolve("data").toString(), kasumi.endpoint()), environment, Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        var out = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.stdout());
        assertThat(out.get("protocol").asText()).isEqualTo("query");
        assertThat(out.get("url").asText()).isEqualTo(kasumi.endpoint() + "/000000000000/boto-query");
        assertThat(out.get("body").asText()).isEqualTo("via query");
        assertThat(out.get("receivedId").asText()).isEqualTo(out.get("sentId").asText());
        assertThat(out.get("color").asText()).isEqualTo("red");
        assertThat(out.get("receiveCount").asText()).isEqualTo("1");
        assertThat(out.get("visibility").get("VisibilityTimeout").asText()).isEqualTo("40");
        assertThat(out.get("tags").get("team").asText()).isEqualTo("core");
        assertThat(out.get("queues").get(0).asText()).isEqualTo(out.get("url").asText());
        assertThat(out.get("batch").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(out.get("error").asText()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
    }
}
