package io.prodev.labs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@Task("1")
@Hidden
class LoadBalancerHiddenTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

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

    @ParameterizedTest(name = "{0}")
    @EnumSource(BalancingPolicy.class)
    @Hint("each request goes to the next healthy backend after the one chosen last (least-connections: the same when"
            + " nothing is in flight); a refused connection marks a backend down at once and a GET goes on to the"
            + " next, a POST gets 502; health checks take dead backends out and bring revived ones back; 503 when"
            + " none is healthy")
    void agreesWithAModelOfWhichBackendAnswers(BalancingPolicy policy) throws Exception {
        rig(3, BalancerRig.SETTINGS.withPolicy(policy));
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        boolean[] alive = {true, true, true};
        boolean[] healthy = {true, true, true};
        int[] last = {-1};
        List<String> log = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int step = 0; step < 150; step++) {
                int roll = random.nextInt(100);
                int i = random.nextInt(3);
                if (roll < 10) {
                    if (alive[i]) {
                        rig.backend(i).kill();
                        alive[i] = false;
                        log.add("kill " + rig.backend(i).name);
                    }
                } else if (roll < 22) {
                    if (!alive[i]) {
                        rig.backend(i).revive();
                        alive[i] = true;
                        log.add("revive " + rig.backend(i).name);
                    }
                } else if (roll < 32) {
                    rig.balancer.checkHealthNow();
                    System.arraycopy(alive, 0, healthy, 0, 3);
                    log.add("checkHealthNow");
                } else {
                    boolean post = roll >= 82;
                    String expected = expect(post, alive, healthy, last);
                    BalancerRig.Answer answer = post ? rig.post("/echo", "step " + step) : rig.get("/");
                    String got = answer.status() + " " + answer.servedBy();
                    log.add((post ? "POST -> " : "GET -> ") + got);
                    assertThat(got)
                            .as("policy " + policy + ", seed " + seed + ": status and X-Served-By of the last of"
                                    + " these operations on backends a, b, c:\n" + String.join("\n", log))
                            .isEqualTo(expected);
                }
            }
        });
    }

    /** What the balancer must answer, by the README's rules; updates the model. */
    private static String expect(boolean post, boolean[] alive, boolean[] healthy, int[] last) {
        boolean[] tried = new boolean[3];
        boolean failed = false;
        while (true) {
            int pick = -1;
            for (int step = 1; step <= 3; step++) {
                int index = (last[0] + step) % 3;
                if (healthy[index] && !tried[index]) {
                    pick = index;
                    break;
                }
            }
            if (pick < 0) {
                return failed ? "502 -" : "503 -";
            }
            last[0] = pick;
            tried[pick] = true;
            String name = String.valueOf((char) ('a' + pick));
            if (alive[pick]) {
                return (post ? "201 " : "200 ") + name;
            }
            healthy[pick] = false; // refused
            failed = true;
            if (post) {
                return "502 -";
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(BalancingPolicy.class)
    @Hint("many clients at once: each gets its own response, whole, from a live backend; round-robin spreads them"
            + " evenly")
    void servesManyClientsAtOnceWithoutMixingResponses(BalancingPolicy policy) throws Exception {
        rig(3, BalancerRig.SETTINGS.withPolicy(policy));
        int clients = 12;
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Map<String, AtomicInteger> perBackend = new ConcurrentHashMap<>();
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    List<String> problems = new ArrayList<>();
                    for (int r = 0; r < each; r++) {
                        String body = "client " + client + " request " + r + " " + "x".repeat(client * 300);
                        BalancerRig.Answer answer = rig.post("/echo", body);
                        perBackend
                                .computeIfAbsent(answer.servedBy(), k -> new AtomicInteger())
                                .incrementAndGet();
                        if (answer.status() != 201 || !answer.body().equals(body)) {
                            problems.add("sent \"" + body.substring(0, Math.min(40, body.length())) + "...\", got "
                                    + answer.status() + " \""
                                    + answer.body()
                                            .substring(
                                                    0,
                                                    Math.min(40, answer.body().length())) + "...\"");
                        }
                    }
                    return problems;
                }));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> result : results) {
                problems.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(problems)
                    .as(clients + " clients sending " + each + " POST /echo each at once: responses that were not"
                            + " 201 with the client's own body")
                    .isEmpty();
            assertThat(perBackend.keySet()).as("the backends that answered").isSubsetOf(Set.of("a", "b", "c"));
            if (policy == BalancingPolicy.ROUND_ROBIN) {
                assertThat(perBackend.values().stream().map(AtomicInteger::get).collect(Collectors.toList()))
                        .as("round-robin over 3 healthy backends, 180 requests from many threads: each backend's"
                                + " share")
                        .containsExactly(60, 60, 60);
            }
            assertThat(rig.balancer.backends())
                    .extracting(BackendStatus::inFlight)
                    .as("in-flight counts once every response was passed on")
                    .containsOnly(0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Hint("close() stops the health checks and closes every pooled connection: no thread and no connection to a"
            + " backend is left")
    void leavesNoThreadAndNoConnectionOnceClosed() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        String ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        try (ScriptedBackend a = new ScriptedBackend(head -> ok);
                ScriptedBackend b = new ScriptedBackend(head -> ok)) {
            try (LoadBalancer balancer = LoadBalancer.start(
                            List.of(a.uri(), b.uri()), BalancerRig.SETTINGS.withHealthInterval(Duration.ofMillis(20)));
                    WebServer front = WebServer.start(ServerSettings.onPort(0), balancer)) {
                assertTimeoutPreemptively(BOUND, () -> {
                    for (int i = 0; i < 6; i++) {
                        try (RawHttp client = new RawHttp(front.port())) {
                            client.send("GET / HTTP/1.1\r\nHost: lb\r\n\r\n");
                            assertThat(client.readResponse().status())
                                    .as("GET / through the balancer")
                                    .isEqualTo(200);
                        }
                    }
                });
                assertThat(liveThreadNames("scripted-backend-connection"))
                        .as("the backends' connection threads (one per connection from the balancer) before the"
                                + " balancer is closed: its pooled connections")
                        .isNotEmpty();
                front.close();
                balancer.close();
                await().atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThat(liveThreadNames("scripted-backend-connection"))
                                .as("the backends' connection threads (one per connection from the balancer) after the"
                                        + " balancer was closed: its pooled connections must be closed")
                                .isEmpty());
            }
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream()
                                .filter(Thread::isAlive)
                                .filter(t -> !before.contains(t))
                                .filter(t -> !t.getName().startsWith("OkHttp"))
                                .filter(t -> !t.getName().startsWith("awaitility"))
                                .filter(t -> !t.getName().startsWith("junit"))
                                .map(Thread::getName)
                                .toList())
                        .as("threads left after the balancer, its server and the backends were closed")
                        .isEmpty());
    }

    private static List<String> liveThreadNames(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .toList();
    }

    @Test
    @Hint("a request body of unknown length (chunked) is sent on chunked, each part as it comes")
    void streamsAChunkedRequestBody() throws Exception {
        rig(1, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            try (RawHttp client = new RawHttp(rig.front.port())) {
                client.send("POST /upload HTTP/1.1\r\nHost: lb\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
                assertThat(rig.backend(0).firstParts.poll(10, TimeUnit.SECONDS))
                        .as("a client sent a chunked POST's first chunk (5 bytes) and waited: the backend must get"
                                + " them before the client sends the rest")
                        .isEqualTo("hello");
                client.send("6\r\n world\r\n0\r\n\r\n");
                RawHttp.Response response = client.readResponse();
                assertThat(response.status() + " " + response.body())
                        .as("the answer to the chunked upload")
                        .isEqualTo("200 hello world");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "HTTP/1.1 200 OK\r\nX-Served-By: s\r\n\r\nuntil the connection closes",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nuntil \r\n15\r\nthe connection "
                        + "closes\r\n0\r\n\r\n",
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 27\r\n\r\nuntil the connection closes",
                "HTTP/1.0 200 OK\r\nContent-Length: 27\r\n\r\nuntil the connection closes"
            })
    @Hint("a backend's body is framed by Content-Length, chunks, or the end of the connection; an interim 1xx"
            + " response is skipped")
    void readsEachWayABackendFramesItsBody(String response) throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend(head -> response);
                LoadBalancer balancer = LoadBalancer.start(List.of(backend.uri()), BalancerRig.SETTINGS);
                WebServer front = WebServer.start(ServerSettings.onPort(0), balancer);
                RawHttp client = new RawHttp(front.port())) {
            assertTimeoutPreemptively(BOUND, () -> {
                for (int i = 0; i < 2; i++) {
                    client.send("GET / HTTP/1.1\r\nHost: lb\r\n\r\n");
                    RawHttp.Response got = client.readResponse();
                    assertThat(got.status() + " " + got.body())
                            .as("request " + (i + 1) + " through the balancer, the backend answering\n" + response)
                            .isEqualTo("200 until the connection closes\n".strip());
                }
            });
        }
    }

    @Test
    @Hint("a response to HEAD has no body, whatever its Content-Length says; the connection then carries the next"
            + " request")
    void passesAHeadResponseOnWithoutWaitingForABody() throws Exception {
        try (ScriptedBackend backend = new ScriptedBackend(head -> head.startsWith("HEAD")
                        ? "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
                LoadBalancer balancer = LoadBalancer.start(
                        List.of(backend.uri()), BalancerRig.SETTINGS.withReadTimeout(Duration.ofSeconds(2)));
                WebServer front = WebServer.start(ServerSettings.onPort(0), balancer);
                RawHttp client = new RawHttp(front.port())) {
            assertTimeoutPreemptively(BOUND, () -> {
                client.send("HEAD / HTTP/1.1\r\nHost: lb\r\n\r\n");
                RawHttp.Response head = client.readHead();
                assertThat(head.status() + " Content-Length "
                                + head.headers().first("Content-Length").orElse("-"))
                        .as("HEAD / through the balancer")
                        .isEqualTo("200 Content-Length 5");
                client.send("GET / HTTP/1.1\r\nHost: lb\r\n\r\n");
                RawHttp.Response get = client.readResponse();
                assertThat(get.status() + " " + get.body())
                        .as("a GET on the same connection after the HEAD")
                        .isEqualTo("200 hello");
                assertThat(backend.heads.poll(5, TimeUnit.SECONDS))
                        .as("the backend's first request")
                        .startsWith("HEAD /");
                assertThat(backend.heads.poll(5, TimeUnit.SECONDS))
                        .as("the backend's second request")
                        .startsWith("GET /");
            });
        }
    }

    @Test
    @Hint("a backend's answer, even 500, is passed on: only a failure before any response byte is retried")
    void passesAServerErrorOnWithoutRetrying() throws Exception {
        try (ScriptedBackend failing = new ScriptedBackend(
                        head -> "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops");
                TestBackend other = TestBackend.start("b");
                LoadBalancer balancer = LoadBalancer.start(List.of(failing.uri(), other.uri()), BalancerRig.SETTINGS);
                WebServer front = WebServer.start(ServerSettings.onPort(0), balancer);
                RawHttp client = new RawHttp(front.port())) {
            assertTimeoutPreemptively(BOUND, () -> {
                client.send("GET / HTTP/1.1\r\nHost: lb\r\n\r\n");
                RawHttp.Response got = client.readResponse();
                assertThat(got.status() + " " + got.body())
                        .as("GET / to a backend that answers 500")
                        .isEqualTo("500 oops");
                assertThat(other.seen).as("requests the other backend got").isEmpty();
            });
        }
    }

    @Test
    @Hint("an idle pooled connection the backend has closed is not used: a POST after the backend restarted works")
    void doesNotSendOnAConnectionTheBackendClosed() throws Exception {
        rig(1, BalancerRig.SETTINGS);
        assertTimeoutPreemptively(BOUND, () -> {
            assertThat(rig.get("/").status())
                    .as("a first GET (its connection is pooled)")
                    .isEqualTo(200);
            rig.backend(0).kill();
            rig.backend(0).revive();
            assertThat(rig.post("/echo", "after a restart").status())
                    .as("a POST after the backend restarted (the pooled connection to the old one is closed)")
                    .isEqualTo(201);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"})
    @Hint("GET, HEAD, PUT, DELETE and OPTIONS are idempotent and retried on the next backend; POST and PATCH are not")
    void retriesOnlyIdempotentMethods(String method) throws Exception {
        rig(2, BalancerRig.SETTINGS);
        rig.backend(0).kill();
        boolean idempotent = !method.equals("PATCH");
        RequestBody body = method.equals("PUT") || method.equals("PATCH") ? RequestBody.create("x", null) : null;
        assertTimeoutPreemptively(BOUND, () -> {
            BalancerRig.Answer answer = rig.call(new Request.Builder()
                    .url(rig.url("/").toString())
                    .method(method, body)
                    .build());
            assertThat(answer.status())
                    .as(method + " / tried first on a dead backend, a live one next")
                    .isEqualTo(idempotent ? 200 : 502);
        });
    }

    @Test
    @Hint("the health checks run on their own, every health interval")
    void runsHealthChecksEveryInterval() throws Exception {
        rig(2, BalancerRig.SETTINGS.withHealthInterval(Duration.ofMillis(50)));
        rig.backend(1).healthy.set(false);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(rig.balancer.backends())
                        .as("backends() while b's /health answers 503, health interval 50 ms")
                        .extracting(BackendStatus::healthy)
                        .containsExactly(true, false));
        rig.backend(1).healthy.set(true);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(rig.balancer.backends())
                        .as("backends() once b's /health answers 200 again")
                        .extracting(BackendStatus::healthy)
                        .containsExactly(true, true));
    }

    @Test
    @Hint("a backend that accepts connections but never answers fails its health check within the health timeout")
    void marksABackendThatNeverAnswersDown() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                TestBackend live = TestBackend.start("b");
                LoadBalancer balancer = LoadBalancer.start(
                        List.of(URI.create("http://127.0.0.1:" + silent.getLocalPort()), live.uri()),
                        BalancerRig.SETTINGS.withHealthTimeout(Duration.ofMillis(300)))) {
            assertTimeoutPreemptively(BOUND, balancer::checkHealthNow);
            assertThat(balancer.backends())
                    .extracting(BackendStatus::healthy)
                    .as("a backend that never answers (health timeout 300 ms) and a live one")
                    .containsExactly(false, true);
        }
    }
}
