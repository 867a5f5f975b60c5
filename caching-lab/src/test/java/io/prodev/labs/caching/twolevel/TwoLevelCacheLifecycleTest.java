package io.prodev.labs.caching.twolevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("8")
@RedisTest
class TwoLevelCacheLifecycleTest {

    private final String channel = "invalidations-" + UUID.randomUUID();

    @Test
    void closeStopsTheSubscriberThread(RedisEndpoint endpoint) {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        TwoLevelCache cache = new TwoLevelCache(endpoint.uri(), channel, 10);
        Set<Thread> startedByTheCache = new HashSet<>(Thread.getAllStackTraces().keySet());
        startedByTheCache.removeAll(before);
        // Shared pools that outlive any one cache: the connection pools' idle evictor, the JDK's common pool.
        startedByTheCache.removeIf(thread ->
                thread.getName().startsWith("commons-pool") || thread.getName().startsWith("ForkJoinPool"));
        assertThat(startedByTheCache)
                .as("threads started by new TwoLevelCache(...): one subscriber thread")
                .isNotEmpty();

        cache.close();

        assertThat(startedByTheCache)
                .filteredOn(Thread::isAlive)
                .as("threads the cache started that are still alive after close() returned")
                .isEmpty();
    }

    @Test
    void closeCanBeCalledTwice(RedisEndpoint endpoint) {
        TwoLevelCache cache = new TwoLevelCache(endpoint.uri(), channel, 10);
        cache.close();
        cache.close();
        assertThat(cache).as("a cache closed twice, without an exception").isNotNull();
    }

    @ParameterizedTest(name = "L1 capacity {0} is rejected")
    @ValueSource(ints = {0, -1})
    void rejectsAnL1CapacityBelowOneNamingIt(int capacity, RedisEndpoint endpoint) {
        assertThatThrownBy(() -> new TwoLevelCache(endpoint.uri(), channel, capacity))
                .as("new TwoLevelCache(uri, channel, %d) must be rejected, naming %d", capacity, capacity)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(capacity));
    }

    @Test
    void rejectsABlankChannel(RedisEndpoint endpoint) {
        assertThatThrownBy(() -> new TwoLevelCache(endpoint.uri(), " ", 10))
                .as("new TwoLevelCache(uri, \" \", 10) must be rejected")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel");
    }
}
