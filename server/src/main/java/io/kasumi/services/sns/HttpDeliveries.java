package io.kasumi.services.sns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * POSTs notifications to http and https subscribers on virtual threads, retrying a failed
 * delivery a bounded number of times (AWS's default policy retries three times).
 */
final class HttpDeliveries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDeliveries.class);
    private static final int ATTEMPTS = 4;
    private static final Duration BACKOFF = Duration.ofMillis(200);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Sends in the background; {@code onFailure} runs when every attempt failed. */
    void post(String url, Map<String, String> headers, String body, Runnable onFailure) {
        executor.submit(() -> {
            if (!deliver(url, headers, body)) {
                onFailure.run();
            }
        });
    }

    private boolean deliver(String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .header("User-Agent", "Amazon Simple Notification Service Agent")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return true;
                }
            } catch (java.io.IOException e) {
                LOG.debug("SNS delivery to {} failed: {}", url, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(BACKOFF.multipliedBy(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
        executor.shutdownNow();
    }
}
