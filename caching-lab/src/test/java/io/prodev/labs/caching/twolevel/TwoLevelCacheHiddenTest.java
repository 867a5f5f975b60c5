package io.prodev.labs.caching.twolevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
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
import org.junit.jupiter.api.AfterEach;
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
    @ValueSource(longs = {1, 2})
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
