package io.prodev.labs.http;

import static io.prodev.labs.http.MiddlewareRequests.address;
import static io.prodev.labs.http.MiddlewareRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.concurrency.AllAtOnce;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@Task("3")
@Hidden
class PostRateLimitHiddenTest {

    private static final String PROXY = "10.0.0.1";
    private static final List<String> CLIENTS = List.of("192.0.2.1", "192.0.2.2", "198.51.100.9", "2001:db8::5");

    /** The limiter as the README states it: per client, the instants of the POSTs it counted. */
    private static final class Model {
        private final int limit;
        private final Duration window;
        private final Map<String, Deque<Instant>> counted = new HashMap<>();

        Model(int limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }

        /** 0 when the POST passes, else the Retry-After seconds. */
        long post(String client, Instant now) {
            Deque<Instant> posts = counted.computeIfAbsent(client, c -> new ArrayDeque<>());
            while (!posts.isEmpty() && !posts.peekFirst().plus(window).isAfter(now)) {
                posts.removeFirst();
            }
            if (posts.size() < limit) {
                posts.addLast(now);
                return 0;
            }
            Duration wait = Duration.between(now, posts.peekFirst().plus(window));
            return wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        }

        int tracked(Instant now) {
            int clients = 0;
            for (Deque<Instant> posts : counted.values()) {
                if (posts.stream().anyMatch(at -> at.plus(window).isAfter(now))) {
                    clients++;
                }
            }
            return clients;
        }
    }

    @Hint("per client, a POST counts for exactly one window; a refused POST is not counted; Retry-After rounds up to"
            + " when the client's oldest counted POST stops counting; only POSTs count")
    @Test
    void randomTrafficMatchesASlidingWindowModel() throws Exception {
        for (int seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            int limit = 1 + random.nextInt(6);
            Duration window = Duration.ofMillis(2_000 + random.nextInt(88_000));
            MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T10:00:00Z"));
            PostRateLimit limiter = new PostRateLimit(limit, window, clock, Set.of(address(PROXY)));
            AtomicInteger reached = new AtomicInteger();
            Handler handler = limiter.wrap(r -> {
                reached.incrementAndGet();
                return HttpResponse.text(200, "ok");
            });
            Model model = new Model(limit, window);
            List<String> history = new ArrayList<>();
            for (int step = 0; step < 400; step++) {
                if (random.nextInt(3) == 0) {
                    Duration advance = Duration.ofMillis(random.nextInt((int) window.toMillis() / 3 + 1));
                    clock.advance(advance);
                    history.add("+" + advance.toMillis() + "ms");
                }
                String client = CLIENTS.get(random.nextInt(CLIENTS.size()));
                String method = random.nextInt(4) == 0 ? (random.nextBoolean() ? "GET" : "PUT") : "POST";
                boolean viaProxy = random.nextBoolean();
                HttpRequest request = viaProxy
                        ? request(method, "/", PROXY, "X-Forwarded-For", client + ", 10.9.9.9")
                        : request(method, "/", client, "X-Forwarded-For", "203.0.113." + random.nextInt(200));
                history.add(method + " from " + client + (viaProxy ? " via the proxy" : " (forged X-Forwarded-For)"));
                int before = reached.get();
                HttpResponse response = handler.handle(request);
                long expected = method.equals("POST") ? model.post(client, clock.instant()) : 0;
                String context = "limit " + limit + " per " + window.toMillis() + " ms; the last steps: "
                        + history.subList(Math.max(0, history.size() - 12), history.size());
                if (expected == 0) {
                    assertThat(response.status()).as("status; %s", context).isEqualTo(200);
                    assertThat(reached.get() - before)
                            .as("handler calls; %s", context)
                            .isEqualTo(1);
                } else {
                    assertThat(response.status()).as("status; %s", context).isEqualTo(429);
                    assertThat(response.headers().first("Retry-After"))
                            .as("Retry-After; %s", context)
                            .hasValue(Long.toString(expected));
                    assertThat(reached.get() - before)
                            .as("handler calls; %s", context)
                            .isZero();
                }
                if (step % 50 == 49) {
                    assertThat(limiter.trackedClients())
                            .as("trackedClients(); %s", context)
                            .isEqualTo(model.tracked(clock.instant()));
                }
            }
        }
    }

    @Hint("no more than the limit of one client's POSTs may pass, even when they arrive all at once")
    @Test
    void concurrentPostsOfOneClientPassNoMoreThanTheLimit() throws Exception {
        MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T10:00:00Z"));
        AtomicInteger passed = new AtomicInteger();
        Handler handler = new PostRateLimit(5, Duration.ofSeconds(1), clock, Set.of()).wrap(r -> {
            passed.incrementAndGet();
            return HttpResponse.text(200, "ok");
        });
        int rounds = 30;
        for (int round = 0; round < rounds; round++) {
            AllAtOnce.run(8, thread -> {
                for (int i = 0; i < 10; i++) {
                    try {
                        handler.handle(request("POST", "/", "192.0.2.1"));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(passed.get())
                .as(
                        "POSTs that passed of 80 sent at once by one client, limit 5 per second, in each of %d seconds",
                        rounds)
                .isEqualTo(5 * rounds);
    }

    @Hint("an X-Forwarded-For entry that is not an IP address must leave the peer as the client, without a DNS"
            + " lookup")
    @Test
    void namesAndPortsInForwardedForAreNotAddresses() throws Exception {
        MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T10:00:00Z"));
        Handler handler = new PostRateLimit(1, Duration.ofMinutes(1), clock, Set.of(address(PROXY)))
                .wrap(r -> HttpResponse.text(200, "ok"));

        assertThat(handler.handle(request("POST", "/", PROXY)).status())
                .as("a POST from the proxy itself")
                .isEqualTo(200);
        for (String entry : List.of("localhost", "203.0.113.7:4711", "1.2.3", "", "::ffff:zz")) {
            assertThat(handler.handle(request("POST", "/", PROXY, "X-Forwarded-For", entry + ", 203.0.113.9"))
                            .status())
                    .as(
                            "a POST through the proxy with X-Forwarded-For: \"%s, 203.0.113.9\": the proxy is the"
                                    + " client, already counted",
                            entry)
                    .isEqualTo(429);
        }
        assertThat(handler.handle(request("POST", "/", PROXY, "X-Forwarded-For", "2001:DB8:0:0:0:0:0:1"))
                        .status())
                .as("a POST for 2001:DB8:0:0:0:0:0:1")
                .isEqualTo(200);
        assertThat(handler.handle(request("POST", "/", PROXY, "X-Forwarded-For", "2001:db8::1"))
                        .status())
                .as("a POST for 2001:db8::1, the same address written shorter")
                .isEqualTo(429);
    }

    @Hint("when X-Forwarded-For comes in several fields, the client is the first entry of the first field")
    @Test
    void severalForwardedForFieldsTakeTheFirst() throws Exception {
        MutableClock clock = MutableClock.at(Instant.parse("2026-12-03T10:00:00Z"));
        Handler handler = new PostRateLimit(1, Duration.ofMinutes(1), clock, Set.of(address(PROXY)))
                .wrap(r -> HttpResponse.text(200, "ok"));

        assertThat(handler.handle(request(
                                "POST", "/", PROXY, "X-Forwarded-For", "203.0.113.1", "X-Forwarded-For", "10.1.1.1"))
                        .status())
                .as("a POST for 203.0.113.1 (first field) and 10.1.1.1 (second field)")
                .isEqualTo(200);
        assertThat(handler.handle(request("POST", "/", PROXY, "X-Forwarded-For", "10.1.1.1"))
                        .status())
                .as("a POST for 10.1.1.1, not counted yet")
                .isEqualTo(200);
        assertThat(handler.handle(request("POST", "/", PROXY, "x-forwarded-for", " 203.0.113.1 ,10.2.2.2"))
                        .status())
                .as("a POST for 203.0.113.1 again (spaces around the entry)")
                .isEqualTo(429);
    }
}
