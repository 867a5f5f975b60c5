package io.prodev.labs.caching.twolevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

@Task("8")
@RedisTest
class TwoLevelCacheLifecycleTest {

    private final String channel = "invalidations-" + UUID.randomUUID();

    @Test
    void closeStopsTheSubscriberThread(RedisEndpoint endpoint) {
        Set<Thread> before = LiveThreads.now();
        TwoLevelCache cache = new TwoLevelCache(endpoint.uri(), channel, 10);
        Set<Thread> startedByTheCache = LiveThreads.startedSince(before);
        assertThat(startedByTheCache)
                .as("threads started by new TwoLevelCache(...): one subscriber thread")
                .isNotEmpty();

        cache.close();

        assertThat(startedByTheCache)
                .filteredOn(Thread::isAlive)
                .as("threads the cache started that are still alive after close() returned")
                .isEmpty();
    }

    /** Redis notices a closed connection on its next turn of the event loop, so the count is awaited. */
    @Test
    void closeClosesEveryConnectionItOpened(RedisEndpoint endpoint) {
        try (RedisAdmin admin = new RedisAdmin(endpoint)) {
            long before = admin.connectedClients();
            TwoLevelCache cache = new TwoLevelCache(endpoint.uri(), channel, 10);
            cache.put("listing:1", "Sunny loft");
            cache.get("listing:2");
            assertThat(admin.connectedClients())
                    .as("clients connected to Redis (CLIENT LIST) once a TwoLevelCache is open and used")
                    .isGreaterThan(before);

            cache.close();

            awaitRedis("the clients connected to Redis to be back to the %d before the cache was opened", before)
                    .until(() -> admin.connectedClients() <= before);
        }
    }

    @Test
    void closeCanBeCalledTwice(RedisEndpoint endpoint) {
        TwoLevelCache cache = new TwoLevelCache(endpoint.uri(), channel, 10);
        cache.close();
        cache.close();
        assertThat(cache).as("a cache closed twice, without an exception").isNotNull();
    }

    /**
     * Pub/sub is fire-and-forget: once the subscription is gone, invalidations are lost and L1 can go stale
     * for good. The test closes the cache's pub/sub connection from the server's side, then changes the value
     * in Redis without telling anyone: a cache that still answers from L1 would return the old value for ever.
     */
    @Test
    void aCacheWhoseSubscriptionIsLostStopsServingL1(RedisEndpoint endpoint, RedisClient redis) {
        redis.set("listing:1", "price 1250.00");
        try (RedisAdmin admin = new RedisAdmin(endpoint)) {
            Set<Long> before = admin.pubSubClientIds();
            try (TwoLevelCache cache = new TwoLevelCache(endpoint.uri(), channel, 10)) {
                Set<Long> opened = new HashSet<>(admin.pubSubClientIds());
                opened.removeAll(before);
                assertThat(opened)
                        .as("pub/sub connections (CLIENT LIST TYPE pubsub) that new TwoLevelCache(...) opened")
                        .isNotEmpty();
                assertThat(cache.get("listing:1")).as("first get of listing:1").isEqualTo("price 1250.00");
                assertThat(cache.isCachedLocally("listing:1"))
                        .as("L1 holds listing:1 after a get")
                        .isTrue();

                admin.kill(opened);
                redis.set("listing:1", "price 999.00");

                awaitRedis("get(\"listing:1\") to return Redis's new value once the cache's subscription was "
                                + "killed (CLIENT KILL): the subscriber calls onLost and the cache stops using L1")
                        .until(() -> "price 999.00".equals(cache.get("listing:1")));
                redis.set("listing:1", "price 800.00");
                assertThat(cache.get("listing:1"))
                        .as(
                                "get(\"listing:1\") after another change made straight in Redis, with the subscription lost")
                        .isEqualTo("price 800.00");
            }
        }
    }

    static Stream<Arguments> rejectedArguments() {
        return Stream.of(
                arguments("an L1 capacity of 0", "invalidations", 0),
                arguments("an L1 capacity of -1", "invalidations", -1),
                arguments("a blank channel", " ", 10));
    }

    /** Bad arguments are checked first: a constructor that throws leaves nothing open that no one can close. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedArguments")
    void aRejectedConstructorOpensNoConnectionAndLeavesNoThread(
            String what, String channel, int l1Capacity, RedisEndpoint endpoint) {
        try (RedisAdmin admin = new RedisAdmin(endpoint)) {
            long clientsBefore = admin.connectedClients();
            long connectionsBefore = admin.connectionsReceived();
            Set<Thread> threadsBefore = LiveThreads.now();

            assertThatThrownBy(() -> new TwoLevelCache(endpoint.uri(), channel, l1Capacity))
                    .as("new TwoLevelCache(uri, \"%s\", %d)", channel, l1Capacity)
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(LiveThreads.startedSince(threadsBefore))
                    .as("threads left running by new TwoLevelCache(...) with %s, which threw", what)
                    .isEmpty();
            assertThat(admin.connectedClients())
                    .as(
                            "clients connected to Redis (CLIENT LIST) after new TwoLevelCache(...) with %s threw; "
                                    + "before it: %d",
                            what, clientsBefore)
                    .isLessThanOrEqualTo(clientsBefore);
            assertThat(admin.connectionsReceived() - connectionsBefore)
                    .as(
                            "connections Redis accepted while new TwoLevelCache(...) with %s was being rejected "
                                    + "(the arguments are checked before any connection is opened)",
                            what)
                    .isZero();
        }
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

    @Test
    void anUnreachableRedisGetsAnIllegalStateExceptionAndLeavesNoThread() {
        URI nobodyListens = URI.create("redis://127.0.0.1:" + aPortNobodyListensOn());
        Set<Thread> threadsBefore = LiveThreads.now();

        assertThatThrownBy(() -> new TwoLevelCache(nobodyListens, channel, 10))
                .as("new TwoLevelCache(%s, ...) with no Redis listening there", nobodyListens)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(channel)
                .hasMessageContaining(nobodyListens.toString());
        assertThat(LiveThreads.startedSince(threadsBefore))
                .as("threads left running by new TwoLevelCache(...) that could not reach Redis")
                .isEmpty();
    }

    /** A loopback port that was free a moment ago: connecting to it is refused at once. */
    private static int aPortNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConditionFactory awaitRedis(String what, Object... args) {
        return await(String.format(what, args))
                .atMost(Duration.ofSeconds(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .pollInSameThread();
    }
}
