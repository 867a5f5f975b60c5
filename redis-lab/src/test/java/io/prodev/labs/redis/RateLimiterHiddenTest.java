package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import io.prodev.labs.labkit.concurrency.AllAtOnce;
import io.prodev.labs.labkit.redis.RedisTest;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("6")
@Hidden
@RedisTest
class RateLimiterHiddenTest {

    private static final int THREADS = 16;
    private static final int TRIES_PER_THREAD = 10;
    private static final int LIMIT = 50;
    private static final int ROUNDS = 3;

    @Weight(3)
    @Hint("16 callers at once must never get more than the limit: counting and recording must be one step in Redis")
    @Test
    void exactUnderSixteenConcurrentCallers(RedisClient redis) throws InterruptedException {
        MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
        RateLimiter limiter = new RateLimiter(redis, LIMIT, Duration.ofMinutes(1), clock);
        for (int round = 0; round < ROUNDS; round++) {
            String client = "client-" + round;
            AtomicInteger allowed = new AtomicInteger();
            AllAtOnce.run(THREADS, thread -> {
                for (int i = 0; i < TRIES_PER_THREAD; i++) {
                    if (limiter.tryAcquire(client)) {
                        allowed.incrementAndGet();
                    }
                }
            });
            assertThat(allowed.get())
                    .as(
                            "requests allowed when %d threads tried %d times each at once, with a limit of %d",
                            THREADS, TRIES_PER_THREAD, LIMIT)
                    .isEqualTo(LIMIT);
        }
    }

    @Weight(3)
    @Hint("a request counts against the allowed requests of the same client in the window just before it")
    @Test
    void randomRequestsMatchAModelOfTheWindow(RedisClient redis) {
        int limit = 3;
        long windowMillis = 1_000;
        MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
        RateLimiter limiter = new RateLimiter(redis, limit, Duration.ofMillis(windowMillis), clock);
        Map<String, Deque<Long>> model = new HashMap<>();
        Random random = new Random(6);
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long step = random.nextInt(4) == 0 ? random.nextInt(600) : random.nextInt(3);
            clock.advance(Duration.ofMillis(step));
            String client = "c" + random.nextInt(3);
            long now = clock.millis();
            Deque<Long> times = model.computeIfAbsent(client, c -> new ArrayDeque<>());
            while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
                times.removeFirst();
            }
            boolean expected = times.size() < limit;
            if (expected) {
                times.addLast(now);
            }
            done.add("+" + step + "ms " + client);
            boolean got = limiter.tryAcquire(client);
            if (got != expected) {
                fail(
                        "request %d (%s) got %s, expected %s (limit %d per %d ms); the requests so far: %s",
                        i, client, got, expected, limit, windowMillis, done);
            }
        }
    }

    @Hint("the limit and the window are the ones given to the constructor")
    @Test
    void theLimitAndWindowAreTheOnesGiven(RedisClient redis) {
        MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
        RateLimiter limiter = new RateLimiter(redis, 7, Duration.ofHours(2), clock);
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += limiter.tryAcquire("alice") ? 1 : 0;
        }
        assertThat(allowed).as("requests allowed of 10, with a limit of 7").isEqualTo(7);
        clock.advance(Duration.ofMinutes(119));
        assertThat(limiter.tryAcquire("alice"))
                .as("a request 119 minutes later, with a window of 2 hours")
                .isFalse();
        assertThat(redis.pttl("rate:alice"))
                .as("PTTL rate:alice (ms), with a window of 2 hours")
                .isBetween(60 * 60_000L, 120 * 60_000L);
    }
}
