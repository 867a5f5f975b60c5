package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Task;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("1")
class LoadBalancerTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private BalancerRig rig;

    private BalancerRig rig(int backends, BalancerSettings settings) throws Exception {
        rig = new BalancerRig(backends, settings);
        return rig;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void roundRobinSendsEachRequestToTheNextBackendInTurn() throws Exception {
        rig(3, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(
                BOUND,
                () -> assertThat(rig.servedBy("/", 7))
                        .as("backends a, b, c, round-robin: X-Served-By of 7 GETs one after the other")
                        .containsExactly("a", "b", "c", "a", "b", "c", "a"));
    }

    @Test
    void passesMethodTargetHeadersBodyAndStatusThrough() throws Exception {
        rig(1, BalancerRig.SETTINGS);
        Request request = new Request.Builder()
                .url(rig.url("/echo?x=1&y=%20").toString())
                .header("X-Custom", "42")
                .put(RequestBody.create("payload", MediaType.get("text/plain")))
                .build();
        assertTimeoutPreemptively(BOUND, () -> {
            try (Response response = rig.client.newCall(request).execute()) {
                assertThat(response.code())
                        .as("PUT /echo through the balancer: the backend's status")
                        .isEqualTo(201);
                assertThat(response.header("X-Echo-Method"))
                        .as("the backend's own response header X-Echo-Method")
                        .isEqualTo("PUT");
                assertThat(response.body().string())
                        .as("the backend's body (the request's body echoed)")
                        .isEqualTo("payload");
            }
            TestBackend.Seen seen = rig.backend(0).seen.poll(5, TimeUnit.SECONDS);
            assertThat(seen).as("the request the backend got").isNotNull();
            assertThat(seen.method() + " " + seen.target())
                    .as("the method and target the backend got")
                    .isEqualTo("PUT /echo?x=1&y=%20");
            assertThat(seen.headers().first("X-Custom"))
                    .as("the client's header X-Custom: 42 at the backend")
                    .contains("42");
            assertThat(seen.headers().first("Host"))
                    .as("the client's Host header, passed through unchanged")
                    .contains("127.0.0.1:" + rig.front.port());
        });
    }

    @Test
    void streamsARequestBodyToTheBackendAsItArrives() throws Exception {
        rig(1, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            try (RawHttp client = new RawHttp(rig.front.port())) {
                client.send("POST /upload HTTP/1.1\r\nHost: lb\r\nContent-Length: 10\r\n\r\nhello");
                assertThat(rig.backend(0).firstParts.poll(10, TimeUnit.SECONDS))
                        .as("a client sent the head of a POST with Content-Length 10 and its first 5 bytes, then"
                                + " waited: the backend must get those 5 bytes before the client sends the rest"
                                + " (the balancer must not wait for the whole body)")
                        .isEqualTo("hello");
                client.send("world");
                RawHttp.Response response = client.readResponse();
                assertThat(response.status()).as("status of the upload").isEqualTo(200);
                assertThat(response.body())
                        .as("the body the backend got, whole")
                        .isEqualTo("helloworld");
            }
        });
    }

    @Test
    void streamsAResponseBodyToTheClientAsItArrives() throws Exception {
        rig(1, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            try (Response response = rig.client
                    .newCall(new Request.Builder()
                            .url(rig.url("/drip").toString())
                            .build())
                    .execute()) {
                BufferedSource body = response.body().source();
                assertThat(body.readUtf8(6))
                        .as("the backend sent \"first \" and waits before it sends the rest: the client must get"
                                + " \"first \" now (the balancer must pass each part on as it comes)")
                        .isEqualTo("first ");
                rig.backend(0).release();
                assertThat(body.readUtf8())
                        .as("the rest of the body, once the backend sent it")
                        .isEqualTo("last");
            }
        });
    }

    @Test
    void removesHopByHopRequestHeaders() throws Exception {
        rig(1, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            try (RawHttp client = new RawHttp(rig.front.port())) {
                client.send("GET /echo HTTP/1.1\r\nHost: lb.example\r\nConnection: keep-alive, X-Secret\r\n"
                        + "X-Secret: s3cret\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\n"
                        + "Proxy-Connection: keep-alive\r\nUpgrade: websocket\r\nX-Kept: yes\r\n\r\n");
                assertThat(client.readResponse().status()).as("status").isEqualTo(201);
            }
            Headers got = rig.backend(0).seen.poll(5, TimeUnit.SECONDS).headers();
            for (String name : List.of("X-Secret", "Keep-Alive", "TE", "Proxy-Connection", "Upgrade")) {
                assertThat(got.contains(name))
                        .as("the client sent " + name + ", a hop-by-hop field (X-Secret because Connection names it):"
                                + " the backend got headers\n" + got)
                        .isFalse();
            }
            assertThat(got.hasToken("Connection", "X-Secret"))
                    .as("the client's Connection field must not reach the backend; it got\n" + got)
                    .isFalse();
            assertThat(got.first("X-Kept")).as("an end-to-end field, X-Kept").contains("yes");
            assertThat(got.first("Host")).as("Host, passed through").contains("lb.example");
        });
    }

    @Test
    void removesHopByHopResponseHeaders() throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend(head -> "HTTP/1.1 200 OK\r\nConnection: X-Internal\r\n"
                        + "X-Internal: 1\r\nKeep-Alive: timeout=9\r\nProxy-Connection: keep-alive\r\n"
                        + "Upgrade: h2c\r\nX-Public: 1\r\nContent-Length: 2\r\n\r\nhi");
                LoadBalancer balancer = LoadBalancer.start(List.of(backend.uri()), BalancerRig.SETTINGS);
                WebServer front = WebServer.start(ServerSettings.onPort(0), balancer);
                RawHttp client = new RawHttp(front.port())) {
            assertTimeoutPreemptively(BOUND, () -> {
                client.send("GET / HTTP/1.1\r\nHost: lb\r\n\r\n");
                RawHttp.Response response = client.readResponse();
                for (String name : List.of("X-Internal", "Keep-Alive", "Proxy-Connection", "Upgrade")) {
                    assertThat(response.headers().contains(name))
                            .as("the backend answered with " + name + ", a hop-by-hop field (X-Internal because its"
                                    + " Connection names it): the client got\n" + response.headers())
                            .isFalse();
                }
                assertThat(response.headers().first("X-Public"))
                        .as("an end-to-end field of the backend's response")
                        .contains("1");
                assertThat(response.body()).as("the body").isEqualTo("hi");
            });
        }
    }

    @Test
    void addsXForwardedForAndXForwardedProto() throws Exception {
        rig(1, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            rig.call(new Request.Builder()
                    .url(rig.url("/echo").toString())
                    .header("X-Forwarded-For", "10.0.0.7")
                    .build());
            Headers got = rig.backend(0).seen.poll(5, TimeUnit.SECONDS).headers();
            assertThat(got.all("X-Forwarded-For"))
                    .as("a client at 127.0.0.1 sent X-Forwarded-For: 10.0.0.7 (a proxy before it): the backend must"
                            + " get the client's address appended")
                    .containsExactly("10.0.0.7, 127.0.0.1");
            assertThat(got.first("X-Forwarded-Proto"))
                    .as("X-Forwarded-Proto of a plain HTTP request")
                    .contains("http");

            rig.get("/echo");
            assertThat(rig.backend(0).seen.poll(5, TimeUnit.SECONDS).headers().all("X-Forwarded-For"))
                    .as("X-Forwarded-For of a request that had none")
                    .containsExactly("127.0.0.1");

            HttpRequest overTls = new HttpRequest(
                    "GET",
                    "/echo",
                    "HTTP/1.1",
                    new Headers().add("Host", "lb"),
                    InputStream.nullInputStream(),
                    new InetSocketAddress(InetAddress.getByName("192.0.2.9"), 50000),
                    true);
            HttpResponse response = rig.balancer.handle(overTls);
            response.body().writeTo(new ByteArrayOutputStream());
            Headers secure = rig.backend(0).seen.poll(5, TimeUnit.SECONDS).headers();
            assertThat(secure.first("X-Forwarded-Proto"))
                    .as("X-Forwarded-Proto of a request that came over TLS (request.secure())")
                    .contains("https");
            assertThat(secure.first("X-Forwarded-For"))
                    .as("X-Forwarded-For of a request from 192.0.2.9")
                    .contains("192.0.2.9");
        });
    }

    @Test
    void reusesOneConnectionToTheBackendForRequestsOneAfterTheOther() throws Exception {
        rig(1, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < 5; i++) {
                assertThat(rig.get("/").status()).as("GET / number " + (i + 1)).isEqualTo(200);
            }
            assertThat(rig.post("/echo", "one more").status())
                    .as("a POST after them")
                    .isEqualTo(201);
            assertThat(rig.backend(0).accepted.get())
                    .as("connections the backend accepted for 6 requests one after the other: the balancer must"
                            + " keep its connection open and reuse it (keep-alive)")
                    .isEqualTo(1);
        });
    }

    @Test
    void leastConnectionsSendsToTheBackendWithFewestRequestsInFlight() throws Exception {
        rig(2, BalancerRig.SETTINGS.withPolicy(BalancingPolicy.LEAST_CONNECTIONS));
        assertTimeoutPreemptively(BOUND, () -> {
            CompletableFuture<BalancerRig.Answer> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return rig.get("/hold");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            rig.backend(0).holding.acquire();
            assertThat(rig.balancer.backends().get(0).inFlight())
                    .as("backends() while a request waits at backend a: a's inFlight")
                    .isEqualTo(1);
            assertThat(rig.servedBy("/", 3))
                    .as("a request is in flight at backend a, none at b: least-connections sends the next 3 GETs"
                            + " (answered at once) to b")
                    .containsExactly("b", "b", "b");
            rig.backend(0).release();
            assertThat(held.get(10, TimeUnit.SECONDS).servedBy())
                    .as("the held request")
                    .isEqualTo("a");
            assertThat(rig.balancer.backends().get(0).inFlight())
                    .as("a's inFlight once its response was passed on")
                    .isZero();
            assertThat(rig.servedBy("/", 2))
                    .as("nothing in flight any more: ties go in round-robin order, after b (chosen last)")
                    .containsExactly("a", "b");
        });
    }

    @Test
    void healthChecksTakeABackendOutAndBringItBack() throws Exception {
        rig(3, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            rig.backend(1).healthy.set(false);
            rig.balancer.checkHealthNow();
            assertThat(rig.balancer.backends())
                    .as("backends() after b's /health answered 503")
                    .extracting(BackendStatus::healthy)
                    .containsExactly(true, false, true);
            assertThat(rig.servedBy("/", 4))
                    .as("b is down: round-robin goes on over a and c only")
                    .containsExactly("a", "c", "a", "c");
            rig.backend(1).healthy.set(true);
            rig.balancer.checkHealthNow();
            assertThat(rig.balancer.backends())
                    .as("backends() after b's /health answered 200 again")
                    .extracting(BackendStatus::healthy)
                    .containsExactly(true, true, true);
            assertThat(rig.servedBy("/", 3))
                    .as("b is back: after c (chosen last) come a, b, c")
                    .containsExactly("a", "b", "c");
            assertThat(rig.balancer.backends())
                    .extracting(BackendStatus::uri)
                    .as("backends() lists the URIs in the order given")
                    .containsExactly(
                            rig.backend(0).uri(),
                            rig.backend(1).uri(),
                            rig.backend(2).uri());
        });
    }

    @Test
    void healthChecksGetTheConfiguredPath() throws Exception {
        rig(1, BalancerRig.SETTINGS.withHealthPath("/status/ready"));
        assertTimeoutPreemptively(BOUND, () -> {
            rig.balancer.checkHealthNow();
            TestBackend.Seen seen = rig.backend(0).seen.poll(5, TimeUnit.SECONDS);
            assertThat(seen.method() + " " + seen.target())
                    .as("the health check a backend got with health path /status/ready")
                    .isEqualTo("GET /status/ready");
            assertThat(rig.balancer.backends().get(0).healthy())
                    .as("a backend whose health path answered 200 is healthy")
                    .isTrue();
        });
    }

    @Test
    void retriesAGetOnTheNextBackendWhenOneIsDown() throws Exception {
        rig(3, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            rig.backend(0).kill();
            BalancerRig.Answer answer = rig.get("/");
            assertThat(answer.status() + " from " + answer.servedBy())
                    .as("backend a is dead (its port refuses connections), no check ran yet: a GET, tried on a"
                            + " first, must be retried on the next backend, b")
                    .isEqualTo("200 from b");
            assertThat(rig.balancer.backends().get(0).healthy())
                    .as("a backend that refused a connection is marked down at once")
                    .isFalse();
            assertThat(rig.servedBy("/", 3)).as("then round-robin over b and c").containsExactly("c", "b", "c");
        });
    }

    @Test
    void doesNotRetryAPost() throws Exception {
        rig(2, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            rig.backend(0).kill();
            assertThat(rig.post("/echo", "once only").status())
                    .as("backend a is dead and a POST was tried on it: a POST is not idempotent, so it is not"
                            + " retried, and the client gets 502")
                    .isEqualTo(502);
            assertThat(rig.backend(1).seen).as("requests backend b got").isEmpty();
            assertThat(rig.post("/echo", "next").servedBy())
                    .as("the next POST, once a is marked down")
                    .isEqualTo("b");
        });
    }

    @Test
    void answers503WhenEveryBackendIsDown() throws Exception {
        rig(2, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            rig.backend(0).healthy.set(false);
            rig.backend(1).healthy.set(false);
            rig.balancer.checkHealthNow();
            assertThat(rig.get("/").status())
                    .as("GET / when every backend's health check failed")
                    .isEqualTo(503);
            assertThat(rig.post("/echo", "x").status())
                    .as("POST /echo when every backend's health check failed")
                    .isEqualTo(503);
            rig.backend(1).healthy.set(true);
            rig.balancer.checkHealthNow();
            assertThat(rig.get("/").servedBy())
                    .as("GET / once b is healthy again")
                    .isEqualTo("b");
        });
    }

    @Test
    void answers502WhenEveryBackendFails() throws Exception {
        rig(2, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            rig.backend(0).kill();
            rig.backend(1).kill();
            assertThat(rig.get("/").status())
                    .as("both backends dead but still taken as healthy: a GET tried on each gets 502")
                    .isEqualTo(502);
            assertThat(rig.get("/").status())
                    .as("the next GET, now that both are marked down")
                    .isEqualTo(503);
        });
    }

    @Test
    void answers504WhenABackendDoesNotAnswerInTime() throws Exception {
        rig(2, BalancerRig.SETTINGS.withReadTimeout(Duration.ofMillis(300)));
        assertTimeoutPreemptively(BOUND, () -> {
            assertThat(rig.get("/hold").status())
                    .as("backend a holds GET /hold longer than the read timeout (300 ms)")
                    .isEqualTo(504);
            rig.backend(0).release();
            assertThat(rig.get("/").servedBy())
                    .as("the balancer goes on serving after a timeout")
                    .isEqualTo("b");
        });
    }

    @Test
    void rejectsAnEmptyListOfBackends() {
        assertThatThrownBy(() -> LoadBalancer.start(List.of(), BalancerRig.SETTINGS))
                .as("LoadBalancer.start with no backend")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backend");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "https://127.0.0.1:8443",
                "http://127.0.0.1",
                "http://127.0.0.1:8081/app",
                "http://127.0.0.1:8081?x=1",
                "127.0.0.1:8081",
                "ftp://example.com:21"
            })
    void rejectsABackendThatIsNotHttpHostPort(String backend) {
        assertThatThrownBy(() -> LoadBalancer.start(List.of(URI.create(backend)), BalancerRig.SETTINGS))
                .as("LoadBalancer.start with backend " + backend)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(backend);
    }

    @Test
    void rejectsBadIntervalsAndPathsInTheSettings() {
        assertThatThrownBy(() -> BalancerSettings.defaults().withHealthInterval(Duration.ZERO))
                .as("a health interval of 0")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
        assertThatThrownBy(() -> BalancerSettings.defaults().withReadTimeout(Duration.ofMillis(-5)))
                .as("a read timeout of -5 ms")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.005S");
        assertThatThrownBy(() -> BalancerSettings.defaults().withHealthPath("health"))
                .as("a health path without its leading /")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("health");
    }
}
