package io.kasumi.server;

import io.kasumi.protocol.HttpRequest;
import io.kasumi.protocol.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP layer alone, with a dispatcher that echoes what it was handed. */
class HttpServerTest {
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = new HttpServer("127.0.0.1", 0, HttpServerTest::echo);
        server.start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse echo(HttpRequest request) {
        String text = request.method() + " " + request.rawPath() + " " + request.rawQuery() + " " + request.bodyBytes().length;
        return HttpResponse.text(200, "text/plain", text);
    }

    private static java.net.http.HttpResponse<String> send(HttpClient.Version version, java.net.http.HttpRequest request)
            throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(version).build()) {
            return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void rawPathsReachTheDispatcherUnchanged() throws Exception {
        String path = "/bucket//a/%2F/../b+c%20d/%E2%98%83";

        java.net.http.HttpResponse<String> response = send(HttpClient.Version.HTTP_1_1,
                java.net.http.HttpRequest.newBuilder(URI.create(base + path + "?x=1&y")).GET().build());

        assertThat(response.body()).isEqualTo("GET " + path + " x=1&y 0");
    }

    @Test
    void chunkedBodiesAreDecoded() throws Exception {
        byte[] body = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);

        java.net.http.HttpResponse<String> response = send(HttpClient.Version.HTTP_1_1,
                java.net.http.HttpRequest.newBuilder(URI.create(base + "/upload"))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build());

        assertThat(response.body()).isEqualTo("PUT /upload null 100000");
    }

    @Test
    void expectContinueIsHonoured() throws Exception {
        java.net.http.HttpResponse<String> response = send(HttpClient.Version.HTTP_1_1,
                java.net.http.HttpRequest.newBuilder(URI.create(base + "/c")).expectContinue(true)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("POST /c null 5");
    }

    @Test
    void cleartextHttp2IsServed() throws Exception {
        java.net.http.HttpResponse<String> response = send(HttpClient.Version.HTTP_2,
                java.net.http.HttpRequest.newBuilder(URI.create(base + "/h2")).GET().build());

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.body()).isEqualTo("GET /h2 null 0");
    }

    @Test
    void connectionsAreKeptAlive() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            java.net.http.HttpResponse<String> first = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/1")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(first.headers().firstValue("Connection")).isNotEqualTo(java.util.Optional.of("close"));
            java.net.http.HttpResponse<String> second = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/2")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(second.body()).isEqualTo("GET /2 null 0");
        }
    }
}
