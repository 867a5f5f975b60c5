package io.prodev.labs.redis;

import com.sun.net.httpserver.HttpServer;
import io.prodev.labs.labkit.redis.RedisBackendChoice;
import io.prodev.labs.labkit.redis.RedisBackendChooser;
import io.prodev.labs.labkit.redis.RedisServers;
import io.prodev.labs.labkit.redis.RunningRedis;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import redis.clients.jedis.RedisClient;

/**
 * The demo: stores values of every type, reads them back typed, and replays the history of the stores, against
 * the Redis server REDIS_URL names or, without it, one it starts for the run (a container where Docker runs, else
 * the embedded binary).
 *
 * <p>Run it with {@code ./mvnw -q -pl redis-lab compile exec:java}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        RedisBackendChoice choice = RedisBackendChooser.choose(System.getenv(), RedisServers::dockerAvailable);
        try (RunningRedis server = RedisServers.start(choice);
                RedisClient redis = RedisClient.create(server.endpoint().uri())) {
            System.out.println("Redis: " + server.description());
            Cache cache = new Cache(redis);

            String text = cache.store("Sunny loft, Addis Ababa");
            String price = cache.store(1250);
            String bytes = cache.store(new byte[] {(byte) 0xca, (byte) 0xfe});
            String ratio = cache.store(0.75);
            System.out.println();
            System.out.println("getStr(text)  = " + cache.getStr(text));
            System.out.println("getInt(price) = " + cache.getInt(price));
            System.out.println("raw(bytes)    = " + CallRendering.render(cache.raw(bytes)));
            System.out.println("ratio * 2     = "
                    + cache.get(ratio, value -> Double.parseDouble(new String(value, StandardCharsets.US_ASCII)) * 2));
            try {
                cache.getInt(text);
            } catch (IllegalStateException e) {
                System.out.println("getInt(text)  : " + e.getMessage());
            }

            System.out.println();
            Replay.replay(redis, Cache.STORE);

            showWebPages(redis);
            showRateLimiter(redis);
            showLock(redis);
            showPipelinesAndTransfers(redis);
            showJobQueue(redis);
        }
    }

    /** Task 5: a page served by a small HTTP server on loopback, fetched three times, requested once. */
    private static void showWebPages(RedisClient redis) {
        HttpServer site;
        try {
            site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the demo's web server", e);
        }
        AtomicInteger requests = new AtomicInteger();
        site.createContext("/listings/7", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<h1>Sunny loft</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        OkHttpClient http = new OkHttpClient();
        try {
            String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/listings/7";
            WebPages pages = new WebPages(redis, http);
            System.out.println();
            for (int i = 0; i < 3; i++) {
                System.out.println("getPage       = " + pages.getPage(url));
            }
            System.out.println("requests made = " + requests.get() + ", " + WebPages.countKey(url) + " = "
                    + redis.get(WebPages.countKey(url)) + ", expires in " + redis.pttl(WebPages.pageKey(url))
                    + " ms");
        } finally {
            http.connectionPool().evictAll();
            site.stop(0);
        }
    }

    /** Task 6: a client trying five times at once, three requests a minute allowed. */
    private static void showRateLimiter(RedisClient redis) {
        RateLimiter limiter = new RateLimiter(redis, 3, Duration.ofMinutes(1));
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            answers.append(limiter.tryAcquire("alice") ? " allowed" : " denied");
        }
        System.out.println();
        System.out.println("rate limit 3/min, alice tries 5 times:" + answers);
    }

    /** Task 7: two contenders for one lock; only the owner's token frees it. */
    private static void showLock(RedisClient redis) {
        DistributedLock mine = new DistributedLock(redis, "lock:payouts", Duration.ofSeconds(30));
        DistributedLock theirs = new DistributedLock(redis, "lock:payouts", Duration.ofSeconds(30));
        String token = mine.tryAcquire();
        System.out.println();
        System.out.println("lock taken with token " + token);
        System.out.println("second contender gets " + theirs.tryAcquire() + "; release with a wrong token: "
                + theirs.release("not-the-token"));
        System.out.println("owner releases: " + mine.release(token) + "; second contender now gets a token: "
                + (theirs.tryAcquire() != null));
    }

    /** Task 8: 5,000 SETs one by one, then pipelined; a transfer that goes through and one that is refused. */
    private static void showPipelinesAndTransfers(RedisClient redis) {
        Map<String, String> listings = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
            listings.put("listing:" + i, "Room " + i + ", Addis Ababa");
        }
        long start = System.nanoTime();
        BulkLoad.loadOneByOne(redis, listings);
        long middle = System.nanoTime();
        BulkLoad.loadPipelined(redis, listings);
        long end = System.nanoTime();
        System.out.println();
        System.out.printf(
                "5,000 SETs: one by one %d ms, pipelined %d ms: %.0fx faster (PipelineBenchmark measures it"
                        + " properly)%n",
                (middle - start) / 1_000_000, (end - middle) / 1_000_000, (double) (middle - start) / (end - middle));
        redis.set("alice", "100");
        System.out.println("transfer(alice -> bob, 30) = " + Accounts.transfer(redis, "alice", "bob", 30));
        System.out.println("transfer(alice -> bob, 80) = " + Accounts.transfer(redis, "alice", "bob", 80));
        System.out.println("alice = " + redis.get("alice") + ", bob = " + redis.get("bob"));
    }

    /** Task 9: a worker dies holding a job; once its lease expires in Redis the job goes back and is done. */
    private static void showJobQueue(RedisClient redis) throws InterruptedException {
        JobQueue queue = new JobQueue(redis, "demo-jobs", Duration.ofMillis(200));
        for (String job : List.of("resize:1", "resize:2", "resize:3")) {
            queue.push(job);
        }
        String first = queue.take("worker-a", Duration.ofSeconds(1));
        queue.ack("worker-a", first);
        String lost = queue.take("worker-b", Duration.ofSeconds(1)); // worker-b dies holding it
        int requeued;
        while ((requeued = queue.requeueExpired()) == 0) {
            Thread.sleep(50); // until worker-b's lease expires in Redis
        }
        System.out.println();
        System.out.printf("worker-a did %s; worker-b died holding %s; %d job requeued%n", first, lost, requeued);
        String job;
        while ((job = queue.take("worker-c", Duration.ofMillis(100))) != null) {
            queue.ack("worker-c", job);
            System.out.println("worker-c did " + job);
        }
    }
}
