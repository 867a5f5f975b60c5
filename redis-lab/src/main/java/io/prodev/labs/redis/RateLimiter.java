package io.prodev.labs.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * A sliding-window rate limiter kept in Redis: each client may make {@code limit} requests in any window of the
 * given length. Every process that shares the Redis server shares the limits, which is why API gateways keep
 * them there and not in the memory of one server.
 */
public final class RateLimiter {

    // BEGIN SOLUTION: remove
    /**
     * Forgets the client's requests that left the window, then allows and records this one only if fewer than the
     * limit remain. One script, so Redis runs it whole: no other client's request can come between the count and
     * the record, the race that lets a read-then-write limiter allow more than the limit.
     */
    private static final String TRY_ACQUIRE = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
                redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
                redis.call('PEXPIRE', KEYS[1], ARGV[2])
                return 1
            end
            return 0
            """;
    // END SOLUTION

    private final UnifiedJedis redis;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    /** A limiter on the system clock. */
    public RateLimiter(UnifiedJedis redis, int limit, Duration window) {
        this(redis, limit, window, Clock.systemUTC());
    }

    /**
     * A limiter that reads the time from {@code clock}.
     *
     * @throws IllegalArgumentException naming the value, if {@code limit} is below 1 or {@code window} is shorter
     *     than 1 ms
     */
    public RateLimiter(UnifiedJedis redis, int limit, Duration window, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got: " + limit);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms, got: " + window);
        }
        this.limit = limit;
        this.window = window;
    }

    /** The sorted set that holds a client's recent requests: {@code rate:<clientId>}. */
    public static String key(String clientId) {
        return "rate:" + clientId;
    }

    /**
     * Whether {@code clientId} may make a request now: true, and the request is recorded, if the client made fewer
     * than {@code limit} allowed requests in the window before now; false, and nothing is recorded, otherwise.
     *
     * @throws IllegalArgumentException naming the value, if {@code clientId} is null or blank
     */
    public boolean tryAcquire(String clientId) {
        // BEGIN SOLUTION
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank, got: " + CallRendering.render(clientId));
        }
        long now = clock.millis();
        // Two requests in one millisecond are two requests: the member is unique, the score is the time.
        String request = now + ":" + UUID.randomUUID();
        Object allowed = redis.eval(
                TRY_ACQUIRE,
                List.of(key(clientId)),
                List.of(Long.toString(now), Long.toString(window.toMillis()), Integer.toString(limit), request));
        return Long.valueOf(1).equals(allowed);
        // END SOLUTION
    }
}
