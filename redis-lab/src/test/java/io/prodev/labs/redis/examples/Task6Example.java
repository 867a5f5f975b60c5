package io.prodev.labs.redis.examples;

import io.prodev.labs.labkit.time.MutableClock;
import io.prodev.labs.redis.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import redis.clients.jedis.RedisClient;

/** The example of task 6 in README.md (grader check compares it, and its output, with the README). */
public final class Task6Example {

    private Task6Example() {}

    public static void main(String[] args) {
        String redisUrl = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
        // tag::example[]
        try (RedisClient redis = RedisClient.create(redisUrl)) {
            MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
            RateLimiter limiter = new RateLimiter(redis, 2, Duration.ofMinutes(1), clock);
            System.out.println(limiter.tryAcquire("alice")); // 09:00:00
            clock.advance(Duration.ofSeconds(20));
            System.out.println(limiter.tryAcquire("alice")); // 09:00:20
            System.out.println(limiter.tryAcquire("alice")); // 2 in the last minute already
            System.out.println(limiter.tryAcquire("bob"));
            clock.advance(Duration.ofSeconds(40));
            System.out.println(limiter.tryAcquire("alice")); // 09:01:00: 09:00:00 has left
            System.out.println(limiter.tryAcquire("alice"));
        }
        // end::example[]
    }
}
