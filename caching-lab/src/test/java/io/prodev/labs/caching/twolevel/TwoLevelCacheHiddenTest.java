package io.prodev.labs.caching.twolevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.PausingRelay;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("8")
@Hidden
@RedisTest
class TwoLevelCacheHiddenTest {

    private static final int INSTANCES = 3;
    /** A Redis key may hold spaces, and a message is "<instance id> <key>": the key is everything after the id. */
    private static final List<String> KEYS =
            List.of("listing:1", "listing 2", "listing: 3 (copy)", "listing:4 ", "Listing:1");

    private final String channel = "invalidations-" + UUID.randomUUID();
    private final List<TwoLevelCache> instances = new ArrayList<>();

    @AfterEach
    void closeInstances() {
        instances.forEach(TwoLevelCache::close);
    }

    /**
     * Three instances on one channel; random puts, invalidates and gets. Another instance may serve its old
     * value until the invalidation reaches it, never after. To know when it has, each write is followed by a
     * fence: a key every other instance holds in L1, which the writer invalidates. Redis delivers one channel's
     * messages in the order they were published, so once an instance has dropped the fence it has also handled
     * the write's invalidation, and from then on every read must return the latest value.
     */
    @Hint(
            "once another instance's invalidation has reached an instance, every read there must return the latest value, whatever characters the key holds")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1})
    void everyReadAfterTheInvalidationArrivedSeesTheLatestValue(long seed, RedisEndpoint endpoint, RedisClient redis) {
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(new TwoLevelCache(endpoint.uri(), channel, 16));
        }
        Map<String, String> latest = new HashMap<>();
        Random random = new Random(seed);
        List<String> recent = new ArrayList<>();

        for (int op = 0; op < 120; op++) {
            int who = random.nextInt(INSTANCES);
            String key = KEYS.get(random.nextInt(KEYS.size()));
            int roll = random.nextInt(10);
            TwoLevelCache instance = instances.get(who);
            if (roll < 3) {
                String value = "price " + op;
                remember(recent, "instance " + who + " put " + key + " = " + value);
                instance.put(key, value);
                latest.put(key, value);
                fence(who, op, redis, seed, recent);
            } else if (roll < 4) {
                remember(recent, "instance " + who + " invalidate " + key);
                instance.invalidate(key);
                latest.remove(key);
                fence(who, op, redis, seed, recent);
            } else {
                remember(recent, "instance " + who + " get " + key);
                String actual = instance.get(key);
                if (!Objects.equals(actual, latest.get(key))) {
                    assertThat(actual)
                            .as(
                                    "instance %d's get(\"%s\"), operation #%d (seed %d), after every invalidation "
                                            + "sent so far had reached it; the last operations: %s",
                                    who, key, op, seed, recent)
                            .isEqualTo(latest.get(key));
                }
            }
        }
    }

    /**
     * The race {@code LocalLru}'s generation closes: an instance reads the old value from Redis, another instance's
     * invalidation arrives before the read returns, and the reader then keeps the old value in L1 for good. The
     * relay holds Redis's reply to the GET until the invalidation has been handled. A reader that holds a lock
     * across its read may keep the invalidation waiting instead; then there is no race, and only the end counts.
     */
    @Hint("an invalidation that arrives while get is reading Redis must not let get keep the old value in L1")
    @Test
    void anInvalidationArrivingDuringARedisReadLeavesNoOldValueInL1(RedisEndpoint endpoint, RedisClient redis)
            throws Exception {
        redis.set("listing:1", "price 1");
        redis.set("marker", "x");
        try (PausingRelay relay = new PausingRelay(endpoint);
                TwoLevelCache reader = new TwoLevelCache(relay.uri(), channel, 16);
                TwoLevelCache writer = new TwoLevelCache(endpoint.uri(), channel, 16)) {
            reader.get("marker"); // once the reader drops it, it has handled every invalidation sent before
            relay.pauseReplyToNextCommand("GET");
            FutureTask<String> read = startThread(() -> reader.get("listing:1"));
            relay.awaitPaused(Duration.ofSeconds(5));
            writer.put("listing:1", "price 2");
            writer.invalidate("marker");
            waitUpTo(Duration.ofSeconds(1), () -> !reader.isCachedLocally("marker"));
            relay.release();
            read.get(5, TimeUnit.SECONDS);
            awaitDropped(reader, "marker", "the second instance's invalidation of marker");

            assertThat(reader.get("listing:1"))
                    .as("get(\"listing:1\") after another instance put \"price 2\" while this instance's "
                            + "earlier get was reading \"price 1\" from Redis, and its invalidation arrived "
                            + "before that read returned")
                    .isEqualTo("price 2");
        }
    }

    /**
     * The race of an eviction made before the Redis write: a get between the two reads the old value from Redis
     * and keeps it in L1, where nothing evicts it (the instance skips its own message). The relay holds the write
     * before Redis sees it while a get runs. A cache with one connection makes that get wait for the write; then
     * there is no race, and only the end counts.
     */
    @Hint(
            "a get that runs while put or invalidate is writing Redis must not leave the old value in L1: write Redis, then evict")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"put", "invalidate"})
    void aGetDuringTheRedisWriteLeavesNoOldValueInL1(String change, RedisEndpoint endpoint, RedisClient redis)
            throws Exception {
        redis.set("listing:1", "price 1");
        boolean put = change.equals("put");
        try (PausingRelay relay = new PausingRelay(endpoint);
                TwoLevelCache cache = new TwoLevelCache(relay.uri(), channel, 16)) {
            relay.pauseNextCommand(put ? "SET" : "DEL");
            FutureTask<Void> write = startThread(() -> {
                if (put) {
                    cache.put("listing:1", "price 2");
                } else {
                    cache.invalidate("listing:1");
                }
                return null;
            });
            relay.awaitPaused(Duration.ofSeconds(5));
            FutureTask<String> read = startThread(() -> cache.get("listing:1"));
            waitUpTo(Duration.ofSeconds(1), read::isDone);
            relay.release();
            write.get(5, TimeUnit.SECONDS);
            read.get(5, TimeUnit.SECONDS);

            assertThat(cache.get("listing:1"))
                    .as(
                            "get(\"listing:1\") after %s, during whose Redis write a get of the same instance read "
                                    + "\"price 1\"",
                            put ? "put(\"listing:1\", \"price 2\")" : "invalidate(\"listing:1\")")
                    .isEqualTo(put ? "price 2" : null);
        }
    }

    private static <T> FutureTask<T> startThread(Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        new Thread(task, "race-test").start();
        return task;
    }

    /** Waits until the condition holds or the time is up, whichever comes first; either is fine. */
    private static void waitUpTo(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(1);
        }
    }

    private static void awaitDropped(TwoLevelCache instance, String key, String what) {
        await(String.format("the instance to drop %s from L1 after %s", key, what))
                .atMost(Duration.ofSeconds(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .pollInSameThread()
                .until(() -> !instance.isCachedLocally(key));
    }

    /** Waits until every instance but the writer has handled the writer's invalidations sent so far. */
    private void fence(int writer, int op, RedisClient redis, long seed, List<String> recent) {
        String fence = "fence:" + op;
        redis.set(fence, "x");
        for (int i = 0; i < INSTANCES; i++) {
            if (i != writer) {
                instances.get(i).get(fence);
            }
        }
        instances.get(writer).invalidate(fence);
        for (int i = 0; i < INSTANCES; i++) {
            TwoLevelCache other = instances.get(i);
            if (i != writer) {
                await(String.format(
                                "instance %d to drop %s, invalidated by instance %d after operation #%d (seed %d); "
                                        + "the last operations: %s",
                                i, fence, writer, op, seed, recent))
                        .atMost(Duration.ofSeconds(5))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(1))
                        .pollInSameThread()
                        .until(() -> !other.isCachedLocally(fence));
            }
        }
    }

    private static void remember(List<String> recent, String operation) {
        recent.add(operation);
        if (recent.size() > 8) {
            recent.remove(0);
        }
    }
}
