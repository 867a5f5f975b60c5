package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisTest;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("6")
@RedisTest
class RateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
    private RedisClient redis;

    @BeforeEach
    void setUp(RedisClient redis) {
        this.redis = redis;
    }

    private static List<Boolean> tries(RateLimiter limiter, String client, int times) {
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(limiter.tryAcquire(client));
        }
        return answers;
    }

    @Test
    void allowsTheLimitThenDenies() {
        RateLimiter limiter = new RateLimiter(redis, 3, MINUTE, clock);

        assertThat(tries(limiter, "alice", 5))
                .as("five tryAcquire(\"alice\") at once, 3 allowed per minute")
                .containsExactly(true, true, true, false, false);
    }

    @Test
    void theWindowSlides() {
        RateLimiter limiter = new RateLimiter(redis, 3, MINUTE, clock);
        limiter.tryAcquire("alice"); // 09:00:00
        clock.advance(Duration.ofSeconds(30));
        limiter.tryAcquire("alice"); // 09:00:30
        limiter.tryAcquire("alice"); // 09:00:30

        clock.advance(Duration.ofMillis(29_999));
        assertThat(limiter.tryAcquire("alice"))
                .as("tryAcquire at 09:00:59.999 after requests at 09:00:00, 09:00:30 and 09:00:30 (3 per minute)")
                .isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(tries(limiter, "alice", 2))
                .as("two tryAcquire at 09:01:00, when the request of 09:00:00 has left the window")
                .containsExactly(true, false);
        clock.advance(Duration.ofSeconds(30));
        assertThat(tries(limiter, "alice", 3))
                .as("three tryAcquire at 09:01:30, when both requests of 09:00:30 have left the window")
                .containsExactly(true, true, false);
    }

    @Test
    void clientsAreLimitedApart() {
        RateLimiter limiter = new RateLimiter(redis, 2, MINUTE, clock);

        tries(limiter, "alice", 3);

        assertThat(tries(limiter, "bob", 3))
                .as("three tryAcquire(\"bob\") after alice used up her 2")
                .containsExactly(true, true, false);
    }

    @Test
    void aDeniedRequestIsNotCounted() {
        RateLimiter limiter = new RateLimiter(redis, 2, MINUTE, clock);
        tries(limiter, "alice", 2);
        clock.advance(Duration.ofSeconds(30));
        tries(limiter, "alice", 5); // all denied

        clock.advance(Duration.ofSeconds(30));
        assertThat(tries(limiter, "alice", 3))
                .as("three tryAcquire a minute after 2 allowed requests, with 5 denied ones between")
                .containsExactly(true, true, false);
    }

    @Test
    void requestsInTheSameMillisecondAreCountedApart() {
        RateLimiter limiter = new RateLimiter(redis, 3, MINUTE, clock);

        tries(limiter, "alice", 3); // the clock does not move: one millisecond

        assertThat(redis.zcard("rate:alice"))
                .as("ZCARD rate:alice after 3 allowed requests in the same millisecond")
                .isEqualTo(3);
        assertThat(limiter.tryAcquire("alice"))
                .as("a 4th request in that millisecond")
                .isFalse();
    }

    @Test
    void theKeyExpiresWithTheWindow() {
        new RateLimiter(redis, 3, MINUTE, clock).tryAcquire("alice");

        assertThat(redis.pttl("rate:alice"))
                .as("PTTL rate:alice (ms) after an allowed request, with a window of 1 minute")
                .isBetween(1L, 60_000L);
    }

    @Test
    void aBlankClientIdIsRejected() {
        RateLimiter limiter = new RateLimiter(redis, 3, MINUTE, clock);

        assertThatThrownBy(() -> limiter.tryAcquire(""))
                .as("tryAcquire(\"\")")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"\"");
        assertThatThrownBy(() -> limiter.tryAcquire(null))
                .as("tryAcquire(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThat(redis.dbSize()).as("keys in Redis after rejected client ids").isZero();
    }

    @Test
    void aLimitOfOneInAOneMillisecondWindowIsAllowed() {
        RateLimiter limiter = new RateLimiter(redis, 1, Duration.ofMillis(1), clock);

        assertThat(tries(limiter, "alice", 2))
                .as("two tryAcquire in one millisecond, 1 allowed per millisecond")
                .containsExactly(true, false);
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("alice"))
                .as("tryAcquire a millisecond later")
                .isTrue();
    }

    @Test
    void aLimitBelowOneOrAnEmptyWindowIsRejected() {
        assertThatThrownBy(() -> new RateLimiter(redis, 0, MINUTE, clock))
                .as("new RateLimiter(redis, 0, 1 minute)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> new RateLimiter(redis, 3, Duration.ZERO, clock))
                .as("new RateLimiter(redis, 3, Duration.ZERO)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
    }
}
