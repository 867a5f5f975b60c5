package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.PausingRelay;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("5")
@Hidden
@RedisTest
class WebPagesHiddenTest {

    private static final int OPERATIONS = 150;
    private static final List<String> PATHS = List.of("/a", "/b", "/c?page=2");

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    /** Paths whose next answer is a 500, set by the test before the call. */
    private final Map<String, Boolean> failNext = new ConcurrentHashMap<>();

    private RedisClient redis;

    @BeforeEach
    void setUp(RedisClient redis) throws IOException {
        this.redis = redis;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getTarget();
                if (Boolean.TRUE.equals(failNext.remove(path))) {
                    return new MockResponse.Builder().code(500).body("oops").build();
                }
                int version =
                        served.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                return new MockResponse.Builder()
                        .body(path + " version " + version)
                        .build();
            }
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
        http.connectionPool().evictAll();
    }

    @Hint("a page is served from Redis until it expires, a failed fetch is not kept, and every call is counted")
    @Test
    void randomCallsMatchAModelOfTheCache() {
        WebPages pages = new WebPages(redis, http, Duration.ofMinutes(5));
        Random random = new Random(5);
        Map<String, String> cached = new HashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        List<String> done = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            String url = server.url(path).toString();
            int roll = random.nextInt(10);
            if (roll == 0) {
                redis.del("page:" + url); // the page expires
                cached.remove(url);
                done.add("expire " + path);
                continue;
            }
            boolean fail = roll == 1;
            if (fail) {
                failNext.put(path, true);
            }
            done.add("getPage(" + path + ")" + (fail ? " with the server answering 500" : ""));
            counts.merge(url, 1, Integer::sum);
            String expected = cached.get(url);
            String got;
            try {
                got = pages.getPage(url);
            } catch (PageUnavailableException e) {
                got = "PageUnavailableException " + e.status();
            }
            if (expected == null) {
                if (fail) {
                    expected = "PageUnavailableException 500";
                } else {
                    expected = path + " version " + versions.merge(path, 1, Integer::sum);
                    cached.put(url, expected);
                }
            }
            failNext.remove(path); // an answer the cache did not ask for is not owed to the next call
            if (!expected.equals(got)) {
                fail("operation %d returned %s, expected %s; the operations so far: %s", i, got, expected, done);
            }
            assertThat(redis.get("count:" + url))
                    .as("GET count:%s after operation %d; the operations so far: %s", url, i, done)
                    .isEqualTo(String.valueOf(counts.get(url)));
        }
        for (String path : PATHS) {
            assertThat(served.getOrDefault(path, new AtomicInteger()).get())
                    .as("pages the server served for %s in the whole run", path)
                    .isEqualTo(versions.getOrDefault(path, 0));
        }
    }

    @Hint("the page is kept in Redis, not in the Java object: every instance sharing the server shares it")
    @Test
    void theCacheLivesInRedis() {
        String url = server.url("/a").toString();
        new WebPages(redis, http).getPage(url);

        assertThat(new WebPages(redis, http).getPage(url))
                .as("getPage(url) on a second WebPages over the same Redis")
                .isEqualTo("/a version 1");
        WebPages first = new WebPages(redis, http);
        first.getPage(url);
        redis.del("page:" + url);
        assertThat(first.getPage(url))
                .as("getPage(url) after another client deleted page:url from Redis")
                .isEqualTo("/a version 2");
    }

    @Hint("the time to live is the one given to the constructor")
    @Test
    void theTtlIsTheOneGiven() {
        String url = server.url("/b").toString();

        new WebPages(redis, http, Duration.ofMinutes(1)).getPage(url);

        assertThat(redis.pttl("page:" + url))
                .as("PTTL page:url (ms) just after getPage with a TTL of 1 minute")
                .isBetween(50_000L, 60_000L);
    }

    @Hint("the page and its expiry must reach Redis in one command")
    @Test
    void thePageNeverSitsInRedisWithoutItsExpiry(RedisEndpoint endpoint) throws Exception {
        String url = server.url("/c?page=2").toString();
        try (PausingRelay relay = new PausingRelay(endpoint);
                RedisClient relayed = RedisClient.create(relay.uri())) {
            relay.pauseReplyToNextCommand("SET");
            CompletableFuture<String> page =
                    CompletableFuture.supplyAsync(() -> new WebPages(relayed, http).getPage(url));
            relay.awaitPaused(Duration.ofSeconds(5));

            assertThat(redis.pttl("page:" + url))
                    .as("PTTL page:url (ms) once Redis has run getPage's SET, before getPage goes on")
                    .isPositive();
            relay.release();
            assertThat(page.get(5, TimeUnit.SECONDS)).as("getPage(url)").isEqualTo("/c?page=2 version 1");
        }
    }

    @Hint("an empty page is a page too, and text of any script comes back as it was served")
    @Test
    void emptyAndNonAsciiPagesAreKeptAsServed() {
        String text = "café ☕ ሰላም 😀";
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getTarget().equals("/empty") ? "" : text;
                served.computeIfAbsent(request.getTarget(), p -> new AtomicInteger())
                        .incrementAndGet();
                return new MockResponse.Builder()
                        .addHeader("Content-Type", "text/plain; charset=utf-8")
                        .body(body)
                        .build();
            }
        });
        WebPages pages = new WebPages(redis, http);
        String empty = server.url("/empty").toString();
        String unicode = server.url("/unicode").toString();

        pages.getPage(empty);
        assertThat(pages.getPage(empty))
                .as("getPage of an empty page, the second time")
                .isEmpty();
        pages.getPage(unicode);
        assertThat(pages.getPage(unicode))
                .as("getPage of a UTF-8 page, the second time")
                .isEqualTo(text);
        assertThat(served.get("/empty").get())
                .as("requests for the empty page after two calls")
                .isEqualTo(1);
        assertThat(served.get("/unicode").get())
                .as("requests for the UTF-8 page after two calls")
                .isEqualTo(1);
    }
}
