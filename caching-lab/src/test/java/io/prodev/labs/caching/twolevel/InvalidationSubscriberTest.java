package io.prodev.labs.caching.twolevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisTest;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The subscriber on its own. Redis pub/sub is fire-and-forget: while a subscriber is disconnected, every
 * invalidation sent is lost for good. So the subscriber must say when its subscription ends without
 * {@code close()} (onLost), and only then.
 */
@Task("8")
@RedisTest
class InvalidationSubscriberTest {

    private final String channel = "invalidations-" + UUID.randomUUID();
    private final AtomicInteger lostCalls = new AtomicInteger();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private URI uri;
    private RedisAdmin admin;

    @BeforeEach
    void setUp(RedisEndpoint endpoint) {
        this.uri = endpoint.uri();
        this.admin = new RedisAdmin(endpoint);
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    private InvalidationSubscriber newSubscriber() {
        return new InvalidationSubscriber(uri, channel, messages::add, lostCalls::incrementAndGet);
    }

    @Test
    void callsOnLostWhenTheServerEndsTheSubscription() {
        Set<Long> before = admin.pubSubClientIds();
        try (InvalidationSubscriber subscriber = newSubscriber()) {
            Set<Long> opened = new HashSet<>(admin.pubSubClientIds());
            opened.removeAll(before);
            assertThat(opened)
                    .as("pub/sub connections (CLIENT LIST TYPE pubsub) that new InvalidationSubscriber(...) opened")
                    .isNotEmpty();

            admin.kill(opened);

            awaitSubscriber("onLost to be called after the server closed the subscriber's connection (CLIENT KILL)")
                    .until(() -> lostCalls.get() > 0);
        }
    }

    @Test
    void closeDoesNotCallOnLost() {
        InvalidationSubscriber subscriber = newSubscriber();

        subscriber.close();

        assertThat(lostCalls)
                .as("onLost calls after close(): ending the subscription on purpose is not a loss")
                .hasValue(0);
    }

    /**
     * A message published the moment the constructor returns must arrive: Redis only delivers to connections
     * already subscribed, so the constructor may return only once SUBSCRIBE is confirmed.
     */
    @Test
    void returnsOnlyOnceTheSubscriptionIsActive(RedisClient redis) {
        try (InvalidationSubscriber subscriber = newSubscriber()) {
            assertThat(admin.subscribers(channel))
                    .as("connections subscribed to the channel (PUBSUB NUMSUB) right after the constructor returned")
                    .isEqualTo(1);
            redis.publish(channel, "instance-1 listing:1");

            awaitSubscriber("the message published right after the constructor returned to reach onMessage")
                    .until(() -> messages.contains("instance-1 listing:1"));
        }
    }

    /** Checked at once and then every few milliseconds; 5 s is far more than loopback ever needs. */
    private static ConditionFactory awaitSubscriber(String what) {
        return await(what)
                .atMost(Duration.ofSeconds(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2))
                .pollInSameThread();
    }
}
