package io.prodev.labs.caching.twolevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisTest;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("8")
@RedisTest
class TwoLevelCacheTest {

    /** Pub/sub is server-wide: a channel of its own keeps this test's messages away from other tests. */
    private final String channel = "invalidations-" + UUID.randomUUID();

    private URI uri;
    private RedisClient redis;

    @BeforeEach
    void setUp(RedisEndpoint endpoint, RedisClient redis) {
        this.uri = endpoint.uri();
        this.redis = redis;
    }

    @Test
    void servesARepeatedGetFromL1() {
        redis.set("listing:1", "Sunny loft");
        try (TwoLevelCache cache = new TwoLevelCache(uri, channel, 10)) {
            assertThat(cache.get("listing:1"))
                    .as("first get of a key Redis holds")
                    .isEqualTo("Sunny loft");
            assertThat(cache.isCachedLocally("listing:1"))
                    .as("L1 holds listing:1 after a get")
                    .isTrue();
            redis.set("listing:1", "changed behind the cache's back");
            assertThat(cache.get("listing:1"))
                    .as("a second get is answered by L1, so a change made straight in Redis is not seen")
                    .isEqualTo("Sunny loft");
        }
    }

    @Test
    void readsRedisOnAnL1MissAndReturnsNullForAMissingKey() {
        redis.set("listing:2", "Garden cottage");
        try (TwoLevelCache cache = new TwoLevelCache(uri, channel, 10)) {
            assertThat(cache.get("listing:2"))
                    .as("get of a key that only Redis holds")
                    .isEqualTo("Garden cottage");
            assertThat(cache.get("listing:404"))
                    .as("get of a key Redis does not hold")
                    .isNull();
            assertThat(cache.isCachedLocally("listing:404"))
                    .as("L1 keeps no entry for a missing key")
                    .isFalse();
        }
    }

    @Test
    void aPutOnOneInstanceEvictsTheKeyFromTheL1OfAnother() {
        redis.set("listing:1", "price 1250.00");
        try (TwoLevelCache first = new TwoLevelCache(uri, channel, 10);
                TwoLevelCache second = new TwoLevelCache(uri, channel, 10)) {
            assertThat(second.get("listing:1"))
                    .as("second instance's first get")
                    .isEqualTo("price 1250.00");
            assertThat(second.isCachedLocally("listing:1"))
                    .as("second instance's L1 holds listing:1")
                    .isTrue();

            first.put("listing:1", "price 999.00");

            awaitL1("second instance's L1 to drop listing:1 after the first instance put a new value")
                    .until(() -> !second.isCachedLocally("listing:1"));
            assertThat(second.get("listing:1"))
                    .as("second instance's get after the invalidation arrived")
                    .isEqualTo("price 999.00");
        }
    }

    @Test
    void anInvalidateOnOneInstanceRemovesTheKeyEverywhere() {
        redis.set("listing:1", "Sunny loft");
        try (TwoLevelCache first = new TwoLevelCache(uri, channel, 10);
                TwoLevelCache second = new TwoLevelCache(uri, channel, 10)) {
            second.get("listing:1");
            assertThat(second.isCachedLocally("listing:1"))
                    .as("second instance's L1 holds listing:1")
                    .isTrue();

            first.invalidate("listing:1");

            assertThat(redis.exists("listing:1"))
                    .as("Redis key listing:1 after invalidate")
                    .isFalse();
            awaitL1("second instance's L1 to drop listing:1 after the first invalidated it")
                    .until(() -> !second.isCachedLocally("listing:1"));
            assertThat(second.get("listing:1"))
                    .as("second instance's get after the invalidation")
                    .isNull();
        }
    }

    @Test
    void aPutIsSeenAtOnceByTheInstanceThatMadeIt() {
        try (TwoLevelCache cache = new TwoLevelCache(uri, channel, 10)) {
            cache.put("listing:1", "old");
            cache.get("listing:1");

            cache.put("listing:1", "new");

            assertThat(cache.get("listing:1"))
                    .as("get right after this instance's own put (no waiting)")
                    .isEqualTo("new");
        }
    }

    /**
     * Redis delivers one channel's messages to a subscriber in the order they were published. Once the
     * first instance has seen the second's invalidation of "other", it has also seen its own earlier
     * message about "listing:1", which it must have skipped.
     */
    @Test
    void anInstanceSkipsItsOwnInvalidations() {
        redis.set("other", "x");
        try (TwoLevelCache first = new TwoLevelCache(uri, channel, 10);
                TwoLevelCache second = new TwoLevelCache(uri, channel, 10)) {
            first.put("listing:1", "Sunny loft");
            first.get("listing:1");
            first.get("other");

            second.invalidate("other");
            awaitL1("first instance's L1 to drop \"other\" after the second instance invalidated it")
                    .until(() -> !first.isCachedLocally("other"));

            assertThat(first.isCachedLocally("listing:1"))
                    .as("first instance's L1 still holds listing:1, which it put and read again: "
                            + "its own invalidation message must be skipped")
                    .isTrue();
        }
    }

    @Test
    void l1EvictsTheLeastRecentlyUsedKeyWhenFull() {
        try (TwoLevelCache cache = new TwoLevelCache(uri, channel, 2)) {
            redis.set("a", "1");
            redis.set("b", "2");
            redis.set("c", "3");
            cache.get("a");
            cache.get("b");
            cache.get("a"); // a is now more recently used than b
            cache.get("c");

            assertThat(cache.isCachedLocally("b"))
                    .as("L1 of capacity 2 after gets of a, b, a, c: b was evicted")
                    .isFalse();
            assertThat(cache.isCachedLocally("a")).as("a stays in L1").isTrue();
            assertThat(cache.isCachedLocally("c")).as("c stays in L1").isTrue();
            assertThat(cache.get("b"))
                    .as("an evicted key is still read from Redis")
                    .isEqualTo("2");
        }
    }

    /**
     * Waits for an invalidation to reach an L1. It usually takes a millisecond or two, so the condition is
     * checked at once and then every few milliseconds, not at Awaitility's default of every 100 ms. Giving
     * up after 5 s, inside the grader's 10 s per-test limit, a lost invalidation fails with this message
     * instead of a timeout.
     */
    private static ConditionFactory awaitL1(String what) {
        return await(what)
                .atMost(Duration.ofSeconds(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .pollInSameThread();
    }
}
