package io.kasumi.bench;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * SQS ReceiveMessage (up to 10) then DeleteMessageBatch of what came back, from a queue pre-filled
 * with SendMessageBatch, by several threads, for at most a time or a number of messages. An empty receive
 * means the queue is drained and ends the measurement early (the report says so).
 */
record SqsReceiveDeleteWorkload() implements Workload {
    @Override
    public String name() {
        return "sqs-receive-delete";
    }

    @Override
    public String service() {
        return "sqs";
    }

    @Override
    public Run prepare(SdkClients sdk, Setup setup) throws InterruptedException {
        String queueUrl = sdk.sqs().createQueue(b -> b.queueName("bench-receive-" + System.nanoTime())).queueUrl();
        prefill(sdk, queueUrl, Math.max(setup.clients(), 4), setup.prefillTime(), setup.prefillMessages());
        return new Run() {
            @Override
            public int execute() {
                List<Message> messages = sdk.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    return DRAINED;
                }
                List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
                for (int i = 0; i < messages.size(); i++) {
                    entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                            .receiptHandle(messages.get(i).receiptHandle()).build());
                }
                sdk.sqs().deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                return messages.size();
            }

            @Override
            public void close() {
                sdk.sqs().deleteQueue(b -> b.queueUrl(queueUrl));
            }
        };
    }

    private static void prefill(SdkClients sdk, String queueUrl, int threads, Duration budget, long maxMessages)
            throws InterruptedException {
        List<SendMessageBatchRequestEntry> batch = IntStream.range(0, 10)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(SqsSendWorkload.BODY).build())
                .toList();
        long deadline = System.nanoTime() + budget.toNanos();
        AtomicLong sent = new AtomicLong();
        List<Thread> fillers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fillers.add(Thread.ofPlatform().name("prefill-" + t).start(() -> {
                while (System.nanoTime() < deadline && sent.get() < maxMessages) {
                    try {
                        sdk.sqs().sendMessageBatch(b -> b.queueUrl(queueUrl).entries(batch));
                        sent.addAndGet(batch.size());
                    } catch (SdkException e) {
                        // a failed batch only makes the queue shorter
                    }
                }
            }));
        }
        for (Thread filler : fillers) {
            filler.join();
        }
        System.out.printf("# sqs-receive-delete: pre-filled %d messages in %.1f s%n", sent.get(),
                (budget.toNanos() - Math.max(0, deadline - System.nanoTime())) / 1e9);
    }
}
