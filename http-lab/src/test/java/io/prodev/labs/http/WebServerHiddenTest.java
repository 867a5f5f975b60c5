package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.http.RawConnection.RawResponse;
import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("0")
@Hidden
class WebServerHiddenTest {

    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Answers with what it read: method, target and the body's length and SHA-256. */
    private static HttpResponse digest(HttpRequest request) throws IOException {
        byte[] body = request.body().readAllBytes();
        return HttpResponse.text(
                200, request.method() + " " + request.target() + " " + body.length + " " + sha256(body));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Hint("each connection is served on its own thread, request after request: answers never cross between clients")
    @Test
    void concurrentClientsGetTheirOwnAnswers() throws Exception {
        server = WebServer.start(ServerSettings.onPort(0), WebServerHiddenTest::digest);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int client = c;
                results.add(clients.submit(() -> {
                    List<String> problems = new ArrayList<>();
                    try (RawConnection connection = new RawConnection(server.port())) {
                        for (int r = 0; r < 25; r++) {
                            String target = "/c" + client + "/r" + r;
                            connection.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
                            String body = connection.readResponse(false).body();
                            String expected = "GET " + target + " 0 " + sha256(new byte[0]);
                            if (!body.equals(expected)) {
                                problems.add("asked " + target + ", got " + body);
                            }
                        }
                    }
                    return problems;
                }));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> result : results) {
                problems.addAll(result.get());
            }
            assertThat(problems)
                    .as("answers that did not match their request (16 clients x 25 requests)")
                    .isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    @Hint("a client that stops sending holds only its own connection: the server serves others meanwhile")
    @Test
    void manyStalledClientsDoNotBlockOthers() throws Exception {
        server = WebServer.start(
                ServerSettings.onPort(0).withReadTimeout(Duration.ofSeconds(20)),
                request -> HttpResponse.text(200, "served"));
        List<RawConnection> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                RawConnection connection = new RawConnection(server.port());
                connection.send(i % 2 == 0 ? "GET / HTTP/1.1\r\nHo" : "");
                stalled.add(connection);
            }
            String body = assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> RawConnection.exchange(server.port(), "GET / HTTP/1.0\r\n\r\n")
                            .body(),
                    "a request while 24 other connections sent half a request or nothing");
            assertThat(body).as("the answer while 24 connections stall").isEqualTo("served");
        } finally {
            for (RawConnection connection : stalled) {
                connection.close();
            }
        }
    }

    @Hint(
            "close() returns only once every thread the server started has ended: the accepting one and each connection's")
    @Test
    void closeLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        server = WebServer.start(ServerSettings.onPort(0), request -> HttpResponse.text(200, "x"));
        List<RawConnection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                RawConnection connection = new RawConnection(server.port());
                connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                connection.readResponse(false);
                connections.add(connection);
            }
            RawConnection half = new RawConnection(server.port());
            half.send("GET / HTTP/1.1\r\n");
            connections.add(half);

            server.close();

            assertThat(newThreads(before))
                    .as("threads the server started, alive when close() returned")
                    .isEmpty();
        } finally {
            for (RawConnection connection : connections) {
                connection.close();
            }
        }
    }

    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .filter(thread -> !thread.getName().startsWith("awaitility"))
                .map(Thread::getName)
                .collect(Collectors.toList());
    }

    @Hint("framing decides where each request ends: Content-Length, chunks or no body, however TCP splits the bytes")
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void pipelinedRequestsWithRandomFramingAndSplits(long seed) throws Exception {
        server = WebServer.start(ServerSettings.onPort(0), WebServerHiddenTest::digest);
        Random random = new Random(seed);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] body = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(5000)];
            random.nextBytes(body);
            String method = body.length == 0 && random.nextBoolean() ? "GET" : random.nextBoolean() ? "POST" : "PUT";
            String target = "/r" + i + (random.nextBoolean() ? "?q=" + random.nextInt(100) : "");
            String host = random.nextBoolean() ? "Host: x\r\n" : "host:x\r\n";
            int framing = body.length == 0 ? random.nextInt(3) : 1 + random.nextInt(2);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n" + host);
            if (framing == 1) {
                head.append(random.nextBoolean() ? "Content-Length: " : "content-length:  ")
                        .append(body.length)
                        .append("\r\n\r\n");
                wire.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                wire.writeBytes(body);
            } else if (framing == 2) {
                head.append("Transfer-Encoding: chunked\r\n\r\n");
                wire.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                for (int at = 0; at < body.length; ) {
                    int size = Math.min(body.length - at, 1 + random.nextInt(1500));
                    String sizeLine = (random.nextBoolean()
                                    ? Integer.toHexString(size)
                                    : Integer.toHexString(size).toUpperCase())
                            + (random.nextInt(4) == 0 ? ";ext=1" : "") + "\r\n";
                    wire.writeBytes(sizeLine.getBytes(StandardCharsets.ISO_8859_1));
                    wire.write(body, at, size);
                    wire.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    at += size;
                }
                wire.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                head.append("\r\n");
                wire.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            }
            expected.add(method + " " + target + " " + body.length + " " + sha256(body));
        }
        byte[] all = wire.toByteArray();
        List<String> answers = new ArrayList<>();
        try (RawConnection connection = new RawConnection(server.port())) {
            Thread sender = new Thread(() -> {
                try {
                    for (int at = 0; at < all.length; ) {
                        int size = Math.min(all.length - at, 1 + random.nextInt(3000));
                        byte[] piece = new byte[size];
                        System.arraycopy(all, at, piece, 0, size);
                        connection.send(piece);
                        at += size;
                    }
                } catch (IOException ignored) {
                    // the reader reports what went wrong
                }
            });
            sender.start();
            for (int i = 0; i < expected.size(); i++) {
                RawResponse response = connection.readResponse(false);
                answers.add(response.body());
            }
            sender.join(5000);
        }
        assertThat(answers)
                .as("answers to 30 pipelined requests (seed %d): method, target, body length and hash", seed)
                .containsExactlyElementsOf(expected);
    }

    @Hint("the body limit holds for chunked bodies too, while the handler reads them")
    @Test
    void aChunkedBodyGrowingOverTheLimitGets413() throws IOException {
        server = WebServer.start(ServerSettings.onPort(0).withMaxBodyBytes(100), WebServerHiddenTest::digest);

        RawResponse response = RawConnection.exchange(
                server.port(),
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n64\r\n" + "a".repeat(100)
                        + "\r\n1\r\nb\r\n0\r\n\r\n");

        assertThat(response.status())
                .as("status for 101 bytes of chunks with a body limit of 100")
                .isEqualTo(413);
        try (RawConnection connection = new RawConnection(server.port())) {
            connection.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n" + "a".repeat(101)
                    + "\r\n0\r\n\r\n");
            connection.readResponse(false);
            assertThat(connection.closedByServer())
                    .as("the connection after a 413 for a chunked body")
                    .isTrue();
        }
    }
}
