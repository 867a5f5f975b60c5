package io.prodev.labs.labkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@RedisTest
class PausingRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void holdsTheReplyToTheCommandPickedUntilReleased(RedisClient redis, RedisEndpoint endpoint) throws Exception {
        redis.set("k", "before");
        try (PausingRelay relay = new PausingRelay(endpoint);
                RedisClient relayed = RedisClient.create(relay.uri())) {
            relay.pauseReplyToNextCommand("GET");
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> relayed.get("k"));
            relay.awaitPaused(WAIT);
            redis.set("k", "after");

            assertThat(read).as("a GET whose reply the relay holds").isNotDone();
            relay.release();
            assertThat(read.get(5, TimeUnit.SECONDS))
                    .as("the reply of a GET that Redis ran before the SET")
                    .isEqualTo("before");
        }
    }

    @Test
    void holdsTheCommandPickedBeforeRedisSeesIt(RedisClient redis, RedisEndpoint endpoint) throws Exception {
        try (PausingRelay relay = new PausingRelay(endpoint);
                RedisClient relayed = RedisClient.create(relay.uri())) {
            relay.pauseNextCommand("SET");
            CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> relayed.set("k", "v"));
            relay.awaitPaused(WAIT);

            assertThat(redis.exists("k")).as("the key while its SET is held").isFalse();
            relay.release();
            write.get(5, TimeUnit.SECONDS);
            assertThat(redis.get("k")).as("the key after the SET was let go").isEqualTo("v");
        }
    }

    @Test
    void pausesTheFirstToComeOfSeveralCommands(RedisClient redis, RedisEndpoint endpoint) throws Exception {
        redis.set("k", "v");
        try (PausingRelay relay = new PausingRelay(endpoint);
                RedisClient relayed = RedisClient.create(relay.uri())) {
            relay.pauseNextCommand("EXPIRE", "PEXPIRE");
            CompletableFuture<Long> expire = CompletableFuture.supplyAsync(() -> relayed.pexpire("k", 60_000));
            relay.awaitPaused(WAIT);

            assertThat(redis.pttl("k")).as("PTTL k while its PEXPIRE is held").isEqualTo(-1);
            relay.release();
            assertThat(expire.get(5, TimeUnit.SECONDS)).as("PEXPIRE's reply").isEqualTo(1);
        }
    }

    @Test
    void aPauseNoCommandReachesIsCalledOff(RedisClient redis, RedisEndpoint endpoint) throws Exception {
        try (PausingRelay relay = new PausingRelay(endpoint);
                RedisClient relayed = RedisClient.create(relay.uri())) {
            relay.pauseNextCommand("DEL");

            assertThat(relay.pausedWithin(Duration.ofMillis(50)))
                    .as("pausedWithin when no DEL was sent")
                    .isFalse();
            assertThat(CompletableFuture.supplyAsync(() -> relayed.del("k")).get(5, TimeUnit.SECONDS))
                    .as("a DEL sent after the pause was called off")
                    .isZero();
        }
    }
}
