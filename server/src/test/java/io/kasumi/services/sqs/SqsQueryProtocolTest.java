package io.kasumi.services.sqs;

import io.kasumi.RunningKasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.kasumi.services.sqs.SqsClients.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legacy query protocol, as older SDKs and tools send it: unsigned form posts to {@code /}
 * or to the queue's path, answered in the 2012-11-05 XML. The same queues serve json clients.
 */
class SqsQueryProtocolTest {
    private static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    @RegisterExtension
    static final RunningKasumi kasumi = RunningKasumi.create();
    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        sqs = kasumi.client(SqsClients::sqs);
    }

    /** A form post of the parameters (Version added), to the path given. */
    private static HttpResponse<String> post(String path, String... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        params.put("Version", "2012-11-05");
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return TestKasumi.send(HttpRequest.newBuilder(URI.create(kasumi.endpoint() + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static Document xml(HttpResponse<String> response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Node parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Node parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> under <%s>", name, parent.getNodeName()).hasSize(1);
        return found.getFirst();
    }

    private static String text(Node parent, String name) {
        return child(parent, name).getTextContent();
    }

    /** Name/Value pairs of repeated elements such as {@code <Attribute>}. */
    private static Map<String, Element> pairs(Node parent, String element) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element pair : children(parent, element)) {
            out.put(text(pair, "Name"), child(pair, "Value"));
        }
        return out;
    }

    private static String createQueue(String name, String... attributes) throws Exception {
        List<String> params = new ArrayList<>(List.of("Action", "CreateQueue", "QueueName", name));
        for (int i = 0; i < attributes.length; i += 2) {
            int n = i / 2 + 1;
            params.addAll(List.of("Attribute." + n + ".Name", attributes[i], "Attribute." + n + ".Value", attributes[i + 1]));
        }
        HttpResponse<String> response = post("/", params.toArray(String[]::new));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Element root = xml(response).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("CreateQueueResponse");
        assertThat(root.getNamespaceURI()).isEqualTo(NAMESPACE);
        assertThat(text(child(root, "ResponseMetadata"), "RequestId")).isNotBlank();
        return text(child(root, "CreateQueueResult"), "QueueUrl");
    }

    @Test
    void createsQueueWithAttributesThatJsonClientsSee() throws Exception {
        String name = unique("query");
        String url = createQueue(name, "VisibilityTimeout", "45", "DelaySeconds", "2");

        assertThat(url).isEqualTo(kasumi.endpoint() + "/000000000000/" + name);
        Map<String, String> seen = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("All")).attributesAsStrings();
        assertThat(seen).containsEntry("VisibilityTimeout", "45").containsEntry("DelaySeconds", "2");
    }

    @Test
    void sendsWithMessageAttributesAndReceivesTheOldXml() throws Exception {
        String url = createQueue(unique("query"));
        HttpResponse<String> sent = post("/", "Action", "SendMessage", "QueueUrl", url, "MessageBody", "hello query",
                "MessageAttribute.1.Name", "color", "MessageAttribute.1.Value.DataType", "String",
                "MessageAttribute.1.Value.StringValue", "blue",
                "MessageAttribute.2.Name", "blob", "MessageAttribute.2.Value.DataType", "Binary",
                "MessageAttribute.2.Value.BinaryValue", "Ynl0ZXMh");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        Element result = child(xml(sent).getDocumentElement(), "SendMessageResult");
        assertThat(text(result, "MD5OfMessageBody")).isEqualTo(MessageDigests.ofBody("hello query"));
        assertThat(text(result, "MD5OfMessageAttributes")).hasSize(32);
        String messageId = text(result, "MessageId");

        HttpResponse<String> received = post("/000000000000/" + url.substring(url.lastIndexOf('/') + 1),
                "Action", "ReceiveMessage", "QueueUrl", url, "AttributeName.1", "All", "MessageAttributeName.1", "All");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        Element message = child(child(xml(received).getDocumentElement(), "ReceiveMessageResult"), "Message");
        assertThat(text(message, "MessageId")).isEqualTo(messageId);
        assertThat(text(message, "Body")).isEqualTo("hello query");
        assertThat(text(message, "MD5OfBody")).isEqualTo(MessageDigests.ofBody("hello query"));
        assertThat(text(message, "MD5OfMessageAttributes")).isEqualTo(text(result, "MD5OfMessageAttributes"));
        Map<String, Element> system = pairs(message, "Attribute");
        assertThat(system.get("ApproximateReceiveCount").getTextContent()).isEqualTo("1");
        assertThat(system).containsKeys("SentTimestamp", "SenderId");
        Map<String, Element> attributes = pairs(message, "MessageAttribute");
        assertThat(text(attributes.get("color"), "StringValue")).isEqualTo("blue");
        assertThat(text(attributes.get("color"), "DataType")).isEqualTo("String");
        assertThat(text(attributes.get("blob"), "BinaryValue")).isEqualTo("Ynl0ZXMh");

        HttpResponse<String> deleted = post("/", "Action", "DeleteMessage", "QueueUrl", url,
                "ReceiptHandle", text(message, "ReceiptHandle"));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(xml(deleted).getDocumentElement().getLocalName()).isEqualTo("DeleteMessageResponse");
    }

    @Test
    void getsAndSetsAttributesAsNameValuePairs() throws Exception {
        String url = createQueue(unique("query"));
        HttpResponse<String> set = post("/", "Action", "SetQueueAttributes", "QueueUrl", url,
                "Attribute.1.Name", "MaximumMessageSize", "Attribute.1.Value", "2048");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        HttpResponse<String> got = post("/", "Action", "GetQueueAttributes", "QueueUrl", url,
                "AttributeName.1", "MaximumMessageSize", "AttributeName.2", "QueueArn");
        Map<String, Element> attributes = pairs(child(xml(got).getDocumentElement(), "GetQueueAttributesResult"), "Attribute");

        assertThat(attributes.keySet()).containsExactlyInAnyOrder("MaximumMessageSize", "QueueArn");
        assertThat(attributes.get("MaximumMessageSize").getTextContent()).isEqualTo("2048");
        assertThat(attributes.get("QueueArn").getTextContent()).endsWith(":" + url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void listsQueueUrlsFlattened() throws Exception {
        String prefix = unique("listq");
        String first = createQueue(prefix + "-a");
        String second = createQueue(prefix + "-b");

        HttpResponse<String> listed = post("/", "Action", "ListQueues", "QueueNamePrefix", prefix);

        Element result = child(xml(listed).getDocumentElement(), "ListQueuesResult");
        assertThat(children(result, "QueueUrl")).extracting(Node::getTextContent).containsExactly(first, second);
    }

    @Test
    void batchesUseNumberedEntries() throws Exception {
        String url = createQueue(unique("query"));
        HttpResponse<String> sent = post("/", "Action", "SendMessageBatch", "QueueUrl", url,
                "SendMessageBatchRequestEntry.1.Id", "one", "SendMessageBatchRequestEntry.1.MessageBody", "first",
                "SendMessageBatchRequestEntry.2.Id", "two", "SendMessageBatchRequestEntry.2.MessageBody", "second",
                "SendMessageBatchRequestEntry.2.DelaySeconds", "900");
        Element result = child(xml(sent).getDocumentElement(), "SendMessageBatchResult");
        assertThat(children(result, "SendMessageBatchResultEntry")).extracting(e -> text(e, "Id")).containsExactly("one", "two");

        HttpResponse<String> received = post("/", "Action", "ReceiveMessage", "QueueUrl", url, "MaxNumberOfMessages", "10");
        Element message = child(child(xml(received).getDocumentElement(), "ReceiveMessageResult"), "Message");
        HttpResponse<String> changed = post("/", "Action", "ChangeMessageVisibilityBatch", "QueueUrl", url,
                "ChangeMessageVisibilityBatchRequestEntry.1.Id", "c1",
                "ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle", text(message, "ReceiptHandle"),
                "ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout", "60",
                "ChangeMessageVisibilityBatchRequestEntry.2.Id", "c2",
                "ChangeMessageVisibilityBatchRequestEntry.2.ReceiptHandle", "garbage");
        Element changeResult = child(xml(changed).getDocumentElement(), "ChangeMessageVisibilityBatchResult");
        assertThat(text(child(changeResult, "ChangeMessageVisibilityBatchResultEntry"), "Id")).isEqualTo("c1");
        Element failure = child(changeResult, "BatchResultErrorEntry");
        assertThat(text(failure, "Id")).isEqualTo("c2");
        assertThat(text(failure, "SenderFault")).isEqualTo("true");
        assertThat(text(failure, "Code")).isEqualTo("ReceiptHandleIsInvalid");

        HttpResponse<String> deleted = post("/", "Action", "DeleteMessageBatch", "QueueUrl", url,
                "DeleteMessageBatchRequestEntry.1.Id", "d1",
                "DeleteMessageBatchRequestEntry.1.ReceiptHandle", text(message, "ReceiptHandle"));
        Element deleteResult = child(xml(deleted).getDocumentElement(), "DeleteMessageBatchResult");
        assertThat(text(child(deleteResult, "DeleteMessageBatchResultEntry"), "Id")).isEqualTo("d1");
    }

    @Test
    void tagsAsKeyValuePairs() throws Exception {
        String url = createQueue(unique("query"));
        post("/", "Action", "TagQueue", "QueueUrl", url, "Tag.1.Key", "team", "Tag.1.Value", "core",
                "Tag.2.Key", "env", "Tag.2.Value", "dev");
        post("/", "Action", "UntagQueue", "QueueUrl", url, "TagKey.1", "env");

        HttpResponse<String> listed = post("/", "Action", "ListQueueTags", "QueueUrl", url);

        Element result = child(xml(listed).getDocumentElement(), "ListQueueTagsResult");
        List<Element> tags = children(result, "Tag");
        assertThat(tags).hasSize(1);
        assertThat(text(tags.getFirst(), "Key")).isEqualTo("team");
        assertThat(text(tags.getFirst(), "Value")).isEqualTo("core");
        assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).isEqualTo(Map.of("team", "core"));
    }

    @Test
    void answersErrorsWithTheLegacyCodes() throws Exception {
        HttpResponse<String> response = post("/", "Action", "GetQueueUrl", "QueueName", unique("missing"));

        assertThat(response.statusCode()).isEqualTo(400);
        Element root = xml(response).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("ErrorResponse");
        Element error = child(root, "Error");
        assertThat(text(error, "Type")).isEqualTo("Sender");
        assertThat(text(error, "Code")).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(text(error, "Message")).isEqualTo("The specified queue does not exist.");
        assertThat(text(root, "RequestId")).isNotBlank();
    }

    @Test
    void jsonClientsStillSeeTheirOwnNames() {
        String url = sqs.createQueue(r -> r.queueName(unique("json")).attributesWithStrings(Map.of("DelaySeconds", "1"))
                .tags(Map.of("k", "v"))).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("json body").delaySeconds(0).messageAttributes(Map.of("a",
                MessageAttributeValue.builder().dataType("String").stringValue("b").build())));

        var received = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All").messageSystemAttributeNamesWithStrings("All"));

        assertThat(received.messages()).singleElement().satisfies(m -> {
            assertThat(m.messageAttributes().get("a").stringValue()).isEqualTo("b");
            assertThat(m.attributesAsStrings()).containsKey("SentTimestamp");
        });
        assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).containsEntry("k", "v");
    }
}
