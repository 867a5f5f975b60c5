package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.http.RawConnection.RawResponse;
import io.prodev.labs.labkit.Task;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@Task("0")
class WebServerTest {

    private final OkHttpClient client = TestClients.okHttp();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        TestClients.close(client);
    }

    /** Echoes what the server read: method, target, version and body. */
    private static HttpResponse echo(HttpRequest request) throws IOException {
        String body = new String(request.body().readAllBytes(), StandardCharsets.UTF_8);
        return HttpResponse.text(200, request.method() + " " + request.target() + " " + request.version() + " " + body);
    }

    private int start(Handler handler) throws IOException {
        return start(ServerSettings.onPort(0), handler);
    }

    private int start(ServerSettings settings, Handler handler) throws IOException {
        server = WebServer.start(settings, handler);
        return server.port();
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    @Test
    void servesTheHandlersResponseToARealClient() throws IOException {
        start(request -> HttpResponse.text(200, "Hello World!").header("X-Served-By", "test"));

        try (Response response = client.newCall(
                        new Request.Builder().url(server.uri().toString()).build())
                .execute()) {
            assertThat(response.code()).as("status of GET /").isEqualTo(200);
            assertThat(response.body().string()).as("body of GET /").isEqualTo("Hello World!");
            assertThat(response.header("X-Served-By"))
                    .as("the handler's X-Served-By header")
                    .isEqualTo("test");
            assertThat(response.header("Date"))
                    .as("the Date header the server adds")
                    .isNotBlank();
        }
    }

    @Test
    void theHandlerGetsTheRequestAsSent() throws IOException {
        start(WebServerTest::echo);

        Request post = new Request.Builder()
                .url(server.uri().resolve("/form?a=1").toString())
                .post(RequestBody.create("name=value", MediaType.get("application/x-www-form-urlencoded")))
                .build();
        try (Response response = client.newCall(post).execute()) {
            assertThat(response.body().string())
                    .as("what the handler read of POST /form?a=1 with the body name=value")
                    .isEqualTo("POST /form?a=1 HTTP/1.1 name=value");
        }
    }

    @Test
    void theHandlerReadsAChunkedRequestBody() throws IOException {
        start(WebServerTest::echo);
        RequestBody unknownLength = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("text/plain");
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("sent ");
                sink.flush();
                sink.writeUtf8("in chunks");
            }
        };

        try (Response response = client.newCall(new Request.Builder()
                        .url(server.uri().resolve("/up").toString())
                        .put(unknownLength)
                        .build())
                .execute()) {
            assertThat(response.body().string())
                    .as("what the handler read of a PUT whose body OkHttp sent chunked")
                    .isEqualTo("PUT /up HTTP/1.1 sent in chunks");
        }
    }

    @Test
    void oneConnectionServesRequestAfterRequest() throws IOException {
        RecordingSocketFactory sockets = new RecordingSocketFactory();
        int port = start(ServerSettings.onPort(0).withSocketFactory(sockets), WebServerTest::echo);

        try (RawConnection connection = new RawConnection(port)) {
            connection.send(get("/one"));
            RawResponse first = connection.readResponse(false);
            connection.send(get("/two"));
            RawResponse second = connection.readResponse(false);

            assertThat(first.body()).as("the first response on the connection").isEqualTo("GET /one HTTP/1.1 ");
            assertThat(second.body())
                    .as("the second response on the same connection")
                    .isEqualTo("GET /two HTTP/1.1 ");
            assertThat(first.header("Connection"))
                    .as("Connection header of a keep-alive response")
                    .isNull();
        }
        assertThat(sockets.accepted)
                .as("connections the server accepted for two requests on one connection")
                .hasSize(1);
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        int port = start(WebServerTest::echo);

        try (RawConnection connection = new RawConnection(port)) {
            connection.send(get("/1") + "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody" + get("/3"));

            assertThat(connection.readResponse(false).body()).as("first answer").isEqualTo("GET /1 HTTP/1.1 ");
            assertThat(connection.readResponse(false).body())
                    .as("second answer")
                    .isEqualTo("POST /2 HTTP/1.1 body");
            assertThat(connection.readResponse(false).body()).as("third answer").isEqualTo("GET /3 HTTP/1.1 ");
        }
    }

    @Test
    void aBodyTheHandlerDidNotReadIsSkipped() throws IOException {
        int port = start(request -> HttpResponse.text(200, request.target()));

        try (RawConnection connection = new RawConnection(port)) {
            connection.send(
                    "POST /ignored HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nGET /trap H" + get("/next"));

            assertThat(connection.readResponse(false).body())
                    .as("answer to the POST")
                    .isEqualTo("/ignored");
            assertThat(connection.readResponse(false).body())
                    .as("answer to the request after a POST whose 11-byte body the handler never read")
                    .isEqualTo("/next");
        }
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
        int port = start(WebServerTest::echo);

        try (RawConnection connection = new RawConnection(port)) {
            connection.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            RawResponse response = connection.readResponse(false);

            assertThat(response.header("Connection"))
                    .as("Connection header of the answer to Connection: close")
                    .isEqualTo("close");
            assertThat(connection.closedByServer())
                    .as("connection closed by the server after it")
                    .isTrue();
        }
    }

    @Test
    void http10ClosesUnlessAskedToKeepAlive() throws IOException {
        int port = start(WebServerTest::echo);

        try (RawConnection plain = new RawConnection(port)) {
            plain.send("GET /a HTTP/1.0\r\n\r\n");
            assertThat(plain.readResponse(false).header("Connection"))
                    .as("Connection, HTTP/1.0 request")
                    .isEqualTo("close");
            assertThat(plain.closedByServer())
                    .as("closed after an HTTP/1.0 request")
                    .isTrue();
        }
        try (RawConnection kept = new RawConnection(port)) {
            kept.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertThat(kept.readResponse(false).header("Connection"))
                    .as("Connection, HTTP/1.0 request with Connection: keep-alive")
                    .isEqualTo("keep-alive");
            kept.send("GET /b HTTP/1.0\r\n\r\n");
            assertThat(kept.readResponse(false).body())
                    .as("a second HTTP/1.0 request on the kept connection")
                    .isEqualTo("GET /b HTTP/1.0 ");
        }
    }

    @Test
    void aMalformedRequestGets400AndTheServerGoesOn() throws IOException {
        int port = start(WebServerTest::echo);

        try (RawConnection connection = new RawConnection(port)) {
            connection.send("GARBAGE\r\n\r\n");
            RawResponse response = connection.readResponse(false);
            assertThat(response.statusLine())
                    .as("status line for the request line GARBAGE")
                    .isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(response.header("Connection"))
                    .as("Connection header of the 400")
                    .isEqualTo("close");
            assertThat(connection.closedByServer())
                    .as("connection closed after the 400")
                    .isTrue();
        }
        assertThat(RawConnection.exchange(port, get("/after")).body())
                .as("a good request after the malformed one")
                .isEqualTo("GET /after HTTP/1.1 ");
    }

    @Test
    void headerFieldsOverTheLimitGet431() throws IOException {
        int port = start(ServerSettings.onPort(0).withMaxHeaderBytes(1024), WebServerTest::echo);

        try (RawConnection connection = new RawConnection(port)) {
            connection.send("GET / HTTP/1.1\r\nHost: x\r\nCookie: " + "c".repeat(2000) + "\r\n\r\n");

            assertThat(connection.readResponse(false).status())
                    .as("status for 2,000 bytes of Cookie with a header limit of 1,024")
                    .isEqualTo(431);
            assertThat(connection.closedByServer())
                    .as("connection closed after the 431")
                    .isTrue();
        }
    }

    @Test
    void aBodyOverTheLimitGets413WithoutReachingTheHandler() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        int port = start(ServerSettings.onPort(0).withMaxBodyBytes(1000), request -> {
            calls.incrementAndGet();
            return echo(request);
        });

        try (Response response = client.newCall(new Request.Builder()
                        .url(server.uri().toString())
                        .post(RequestBody.create(new byte[100_000], MediaType.get("application/octet-stream")))
                        .build())
                .execute()) {
            assertThat(response.code())
                    .as("status for a 100,000-byte body with a limit of 1,000")
                    .isEqualTo(413);
        }
        assertThat(calls)
                .as("handler calls for the request over the body limit")
                .hasValue(0);
    }

    @Test
    void aStalledClientGets408WhileOthersAreServed() throws IOException {
        int port = start(ServerSettings.onPort(0).withReadTimeout(Duration.ofMillis(500)), WebServerTest::echo);

        try (RawConnection stalled = new RawConnection(port)) {
            stalled.send("GET / HTTP/1.1\r\nHo");
            assertThat(RawConnection.exchange(port, get("/meanwhile")).body())
                    .as("a request from another client while the first one stalls")
                    .isEqualTo("GET /meanwhile HTTP/1.1 ");

            RawResponse response = stalled.readResponse(false);
            assertThat(response.status())
                    .as("status for a client that stopped mid-request, after the 500 ms read timeout")
                    .isEqualTo(408);
            assertThat(stalled.closedByServer())
                    .as("stalled connection closed after the 408")
                    .isTrue();
        }
    }

    @Test
    void anIdleConnectionIsClosedQuietlyAfterTheReadTimeout() throws IOException {
        int port = start(ServerSettings.onPort(0).withReadTimeout(Duration.ofMillis(300)), WebServerTest::echo);

        try (RawConnection idle = new RawConnection(port)) {
            idle.send(get("/first"));
            idle.readResponse(false);

            assertThat(idle.closedByServer())
                    .as("a keep-alive connection idle for longer than the 300 ms read timeout: closed, with no bytes")
                    .isTrue();
        }
    }

    @Test
    void aFailingHandlerGets500AndTheServerGoesOn() throws IOException {
        int port = start(request -> {
            if (request.path().equals("/fail")) {
                throw new IllegalStateException("boom");
            }
            return HttpResponse.text(200, "fine");
        });

        try (RawConnection connection = new RawConnection(port)) {
            connection.send(get("/fail"));
            assertThat(connection.readResponse(false).status())
                    .as("status when the handler throws")
                    .isEqualTo(500);
            assertThat(connection.closedByServer())
                    .as("connection closed after the 500")
                    .isTrue();
        }
        assertThat(RawConnection.exchange(port, get("/ok")).body())
                .as("a request after the 500")
                .isEqualTo("fine");
    }

    @Test
    void aHandlerThatReturnsNoResponseGets500() throws IOException {
        int port = start(request -> null);

        assertThat(RawConnection.exchange(port, get("/")).status())
                .as("status when the handler returns null")
                .isEqualTo(500);
    }

    @Test
    void expect100ContinueIsAnsweredBeforeTheBodyIsSent() throws IOException {
        int port = start(WebServerTest::echo);

        try (RawConnection connection = new RawConnection(port)) {
            connection.send("PUT /big HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertThat(connection.readResponse(false).statusLine())
                    .as("what the server sends after a head with Expect: 100-continue, before the body")
                    .isEqualTo("HTTP/1.1 100 Continue");
            connection.send("data");
            assertThat(connection.readResponse(false).body())
                    .as("the answer once the body came")
                    .isEqualTo("PUT /big HTTP/1.1 data");
        }
    }

    @Test
    void everyConnectionGetsNoDelayAndTheReadTimeout() throws IOException {
        RecordingSocketFactory sockets = new RecordingSocketFactory();
        int port = start(
                ServerSettings.onPort(0).withSocketFactory(sockets).withReadTimeout(Duration.ofMillis(4321)),
                WebServerTest::echo);

        RawConnection.exchange(port, get("/"));

        assertThat(sockets.accepted).as("accepted connections").hasSize(1);
        assertThat(sockets.accepted.get(0).noDelaySet)
                .as("TCP_NODELAY set on the connection")
                .isTrue();
        assertThat(sockets.accepted.get(0).timeoutSet)
                .as("SO_TIMEOUT set on the connection, in ms")
                .isEqualTo(4321);
    }

    @Test
    void aConnectionOverTheLimitGets503() throws IOException {
        int port = start(ServerSettings.onPort(0).withMaxConnections(1), WebServerTest::echo);

        try (RawConnection first = new RawConnection(port)) {
            first.send(get("/first"));
            first.readResponse(false);

            RawResponse refused = RawConnection.exchange(port, get("/second"));
            assertThat(refused.status())
                    .as("status for a second connection with maxConnections 1")
                    .isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                RawConnection.exchange(port, get("/later")).status())
                        .as("status for a new connection once the first closed")
                        .isEqualTo(200));
    }

    @Test
    void closeEndsOpenConnectionsAndFreesThePort() throws IOException {
        int port = start(WebServerTest::echo);
        try (RawConnection open = new RawConnection(port)) {
            open.send(get("/"));
            open.readResponse(false);

            server.close();

            assertThat(open.closedByServer())
                    .as("a keep-alive connection after close()")
                    .isTrue();
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("connecting to the port after close()")
                .isInstanceOf(ConnectException.class);
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort())
                    .as("binding the port again after close()")
                    .isEqualTo(port);
        }
        server.close();
    }

    @Test
    void closeEndsARequestInProgress() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        int port = start(request -> {
            handling.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HttpResponse.text(200, "late");
        });
        try (RawConnection connection = new RawConnection(port)) {
            connection.send(get("/slow"));
            assertThat(handling.await(5, TimeUnit.SECONDS))
                    .as("the handler started")
                    .isTrue();

            long started = System.nanoTime();
            server.close();

            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("how long close() took with a handler in a 60 s sleep (it must interrupt it)")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(connection.closedByServer())
                    .as("the connection of the request in progress")
                    .isTrue();
        }
    }

    @Test
    void aPortInUseFailsNamingTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> start(ServerSettings.onPort(port), WebServerTest::echo))
                    .as("start() on port %d, which is in use", port)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(String.valueOf(port));
        }
    }

    @Test
    void theUriNamesTheBoundPort() throws IOException {
        int port = start(WebServerTest::echo);

        assertThat(server.uri().toString())
                .as("uri() of a server on port 0")
                .isEqualTo("http://127.0.0.1:" + port + "/");
        assertThat(port).as("port() of a server started on port 0").isPositive();
    }
}
