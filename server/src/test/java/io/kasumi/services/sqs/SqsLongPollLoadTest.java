package io.kasumi.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.UnixOperatingSystemMXBean;
import io.kasumi.Kasumi;
import io.kasumi.TestKasumi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Many long polls at once: a waiting ReceiveMessage costs a connection and a parked virtual
 * thread, so memory grows by a few KB per waiter, and sends release the waiters one message each.
 */
class SqsLongPollLoadTest {
    private static final int WAITERS = 2_000;
    private static final int WAIT_SECONDS = 20;
    private static final int BATCH = 10;
    /**
     * What the whole exchange (client and server side, both in this JVM) may hold per waiting
     * request. Measured on JDK 25: about 21 KB of heap and 16 KB of direct buffers.
     */
    private static final long MAX_HEAP_BYTES_PER_WAITER = 64 * 1024;
    private static final long MAX_HEAP_AND_DIRECT_BYTES_PER_WAITER = 96 * 1024;
    /** Each waiter holds a client socket and a server socket, both in this JVM. */
    private static final long FILE_DESCRIPTORS_NEEDED = 2L * WAITERS + 500;
    private static final String WAITING_FRAME = Queue.class.getName() + ".receive(";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void twoThousandLongPollsAreHeldOpenInBoundedHeapAndAllReleasedBySends() throws Exception {
        assumeTrue(enoughFileDescriptors(), "needs " + FILE_DESCRIPTORS_NEEDED + " free file descriptors (ulimit -n)");
        Kasumi kasumi = TestKasumi.start();
        SqsClient sqs = SqsClients.sqs(kasumi);
        // HTTP/1.1 opens one connection per request in flight; the JDK client puts no cap on them
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String url = sqs.createQueue(r -> r.queueName(SqsClients.unique("long-poll"))).queueUrl();
        try {
            URI endpoint = URI.create(kasumi.endpoint());
            // one short receive first, so classes and pools set up once are in the baseline
            assertThat(receive(http, endpoint, url, 0).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            long heapBefore = heapUsedAfterGc();
            long directBefore = directBytes();

            long openedNanos = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> waits = IntStream.range(0, WAITERS)
                    .mapToObj(i -> receive(http, endpoint, url, WAIT_SECONDS))
                    .toList();
            awaitTrue(() -> waitingReceivers() >= WAITERS, Duration.ofSeconds(12),
                    () -> "receivers waiting in the queue: " + waitingReceivers());
            long heldAfterMillis = millisSince(openedNanos);

            long heapHeld = heapUsedAfterGc();
            long directHeld = directBytes();
            long heapPerWaiter = (heapHeld - heapBefore) / WAITERS;
            long directPerWaiter = (directHeld - directBefore) / WAITERS;
            System.out.printf("%d long polls held after %d ms; heap %d KB -> %d KB (%d bytes per waiter),"
                            + " direct buffers %d KB -> %d KB (%d bytes per waiter)%n",
                    WAITERS, heldAfterMillis, heapBefore / 1024, heapHeld / 1024, heapPerWaiter,
                    directBefore / 1024, directHeld / 1024, directPerWaiter);
            assertThat(waits).as("long polls answered before any message was sent").noneMatch(CompletableFuture::isDone);
            assertThat(heapPerWaiter).isLessThan(MAX_HEAP_BYTES_PER_WAITER);
            assertThat(heapPerWaiter + directPerWaiter).isLessThan(MAX_HEAP_AND_DIRECT_BYTES_PER_WAITER);

            long sendingNanos = System.nanoTime();
            Set<String> sent = sendMessages(sqs, url);
            long sentMillis = millisSince(sendingNanos);
            awaitTrue(() -> waits.stream().allMatch(CompletableFuture::isDone), Duration.ofSeconds(WAIT_SECONDS),
                    () -> "released: " + waits.stream().filter(CompletableFuture::isDone).count());
            long releasedMillis = millisSince(sendingNanos);
            System.out.printf("%d messages sent in %d ms; all waits released %d ms after the first send, %d ms after opening%n",
                    sent.size(), sentMillis, releasedMillis, millisSince(openedNanos));

            List<String> received = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> wait : waits) {
                HttpResponse<String> response = wait.getNow(null);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                List<String> ids = messageIds(response.body());
                assertThat(ids).as("a released long poll receives exactly one message").hasSize(1);
                received.addAll(ids);
            }
            assertThat(received).doesNotHaveDuplicates();
            // a wait that had run out would have answered empty, so every one was released by a send
            assertThat(new HashSet<>(received)).isEqualTo(sent);
        } finally {
            http.shutdownNow();
            sqs.deleteQueue(r -> r.queueUrl(url));
            sqs.close();
            kasumi.close();
        }
    }

    private static CompletableFuture<HttpResponse<String>> receive(HttpClient http, URI endpoint, String queueUrl, int waitSeconds) {
        String body = JSON.createObjectNode()
                .put("QueueUrl", queueUrl)
                .put("MaxNumberOfMessages", 1)
                .put("WaitTimeSeconds", waitSeconds)
                .toString();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(WAIT_SECONDS + 30))
                .header("X-Amz-Target", "AmazonSQS.ReceiveMessage")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends one message per waiter in batches of ten, answering the ids SQS assigned. */
    private static Set<String> sendMessages(SqsClient sqs, String url) {
        Set<String> ids = new HashSet<>();
        for (int call = 0; call < WAITERS / BATCH; call++) {
            int first = call * BATCH;
            List<SendMessageBatchRequestEntry> entries = IntStream.range(first, first + BATCH)
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("message " + i).build())
                    .toList();
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
            assertThat(response.failed()).isEmpty();
            response.successful().stream().map(SendMessageBatchResultEntry::messageId).forEach(ids::add);
        }
        assertThat(ids).hasSize(WAITERS);
        return ids;
    }

    private static List<String> messageIds(String receiveResponse) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode message : JSON.readTree(receiveResponse).path("Messages")) {
            ids.add(message.path("MessageId").asText());
        }
        return ids;
    }

    /**
     * How many request threads are parked inside Queue.receive. Virtual threads are invisible to
     * ThreadMXBean, but the JDK's thread dump lists them with their stacks.
     */
    private static long waitingReceivers() {
        try {
            Path dir = Files.createTempDirectory("kasumi-threads");
            Path dump = dir.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                long waiting = 0;
                for (JsonNode container : JSON.readTree(dump.toFile()).path("threadDump").path("threadContainers")) {
                    for (JsonNode thread : container.path("threads")) {
                        for (JsonNode frame : thread.path("stack")) {
                            if (frame.asText().startsWith(WAITING_FRAME)) {
                                waiting++;
                                break;
                            }
                        }
                    }
                }
                return waiting;
            } finally {
                Files.deleteIfExists(dump);
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }

    private static boolean enoughFileDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof UnixOperatingSystemMXBean unix)) {
            return true;
        }
        long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
        if (free < FILE_DESCRIPTORS_NEEDED) {
            System.out.printf("skipping: %d free file descriptors of %d (ulimit -n), %d needed%n",
                    free, unix.getMaxFileDescriptorCount(), FILE_DESCRIPTORS_NEEDED);
            return false;
        }
        return true;
    }

    /** Polls until the condition holds, failing with the description once the time is up. */
    private static void awaitTrue(BooleanSupplier condition, Duration within, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + "; " + state.get());
            }
            Thread.sleep(100);
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
