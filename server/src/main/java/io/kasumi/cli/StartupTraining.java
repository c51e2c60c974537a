package io.kasumi.cli;

import ch.qos.logback.classic.Level;
import io.kasumi.Kasumi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The workload the launcher runs once per build under {@code -XX:AOTCacheOutput} (JEP 483/514/515):
 * start as {@code kasumi start} does, answer a few requests in every wire protocol, stop. The JVM
 * then keeps the classes it loaded and linked, and their profiles, for every later start.
 * Requests go over a plain socket so no HTTP client ends up in the cache.
 */
final class StartupTraining {
    private static final int ROUNDS = 3;

    /** One request; the answer (often AWS's not-implemented error) does not matter, its path does. */
    record TrainingRequest(String method, String path, String service, List<String> headers, byte[] body) {

        static TrainingRequest of(String method, String path, String service, String body, String... headers) {
            return new TrainingRequest(method, path, service, List.of(headers), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final List<TrainingRequest> REQUESTS = List.of(
            TrainingRequest.of("GET", "/_kasumi/health", null, ""),
            TrainingRequest.of("POST", "/", "sts", "Action=GetCallerIdentity&Version=2011-06-15",
                    "Content-Type: application/x-www-form-urlencoded; charset=utf-8"),
            TrainingRequest.of("POST", "/", "dynamodb", "{}",
                    "Content-Type: application/x-amz-json-1.0", "X-Amz-Target: DynamoDB_20120810.ListTables"),
            TrainingRequest.of("GET", "/2015-03-31/functions/", "lambda", ""),
            TrainingRequest.of("GET", "/", "s3", "", "x-amz-content-sha256: UNSIGNED-PAYLOAD"),
            new TrainingRequest("POST", "/service/GraniteServiceVersion20100801/operation/ListDashboards", "monitoring",
                    List.of("Content-Type: application/cbor", "Accept: application/cbor", "smithy-protocol: rpc-v2-cbor"),
                    new byte[] {(byte) 0xA0}));

    private StartupTraining() {
    }

    static int run() {
        KasumiCli.StartSettings settings = new KasumiCli.StartSettings(0, "127.0.0.1", null, List.of(), "off", Level.INFO);
        try (Kasumi kasumi = KasumiCli.launch(settings)) {
            for (int round = 0; round < ROUNDS; round++) {
                for (TrainingRequest request : REQUESTS) {
                    send(kasumi.port(), request);
                }
            }
        }
        return KasumiCli.OK;
    }

    private static void send(int port, TrainingRequest request) {
        String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Connection: close\r\n")
                .append("Content-Length: ").append(request.body().length).append("\r\n");
        if (request.service() != null) {
            head.append("X-Amz-Date: ").append(amzDate).append("\r\n")
                    .append("Authorization: AWS4-HMAC-SHA256 Credential=test/").append(amzDate, 0, 8).append("/us-east-1/")
                    .append(request.service()).append("/aws4_request, SignedHeaders=host;x-amz-date, Signature=")
                    .append("0".repeat(64)).append("\r\n");
        }
        request.headers().forEach(header -> head.append(header).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(request.body());
            out.flush();
            InputStream in = socket.getInputStream();
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("training request " + request.method() + " " + request.path() + " failed", e);
        }
    }
}
