package io.prodev.labs.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * A lock that processes on many machines can share, kept in Redis under one key. Whoever takes it gets a random
 * token, and only that token releases or extends it. The lock expires on its own after its time to live, so an
 * owner that dies, or stalls, never holds it for ever.
 */
public final class DistributedLock {

    // BEGIN SOLUTION: remove
    /**
     * Compare and delete in one step. A GET, then a DEL, would let the lock expire and pass to another owner between
     * the two, and the DEL would then free the other owner's lock.
     */
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
                return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    /** Compare and set the expiry in one step, for the same reason. */
    private static final String EXTEND = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
                return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;
    // END SOLUTION

    private final UnifiedJedis redis;
    private final String name;
    private final Duration ttl;

    /**
     * The lock under the key {@code name}, taken for {@code ttl} at a time.
     *
     * @throws IllegalArgumentException naming the value, if {@code name} is null or blank, or {@code ttl} is shorter
     *     than 1 ms
     */
    public DistributedLock(UnifiedJedis redis, String name, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        CallNames.require(name);
        this.name = name;
        this.ttl = requirePositive(ttl);
    }

    /**
     * Takes the lock if it is free: returns the new owner's token, a random UUID, and the lock expires after the
     * time to live unless it is released or extended first. Returns null, and changes nothing, if it is taken.
     */
    public String tryAcquire() {
        // BEGIN SOLUTION
        String token = UUID.randomUUID().toString();
        // NX and PX in the same command: there is no moment when the lock is taken but has no expiry.
        String reply = redis.set(name, token, SetParams.setParams().nx().px(ttl.toMillis()));
        return "OK".equals(reply) ? token : null;
        // END SOLUTION
    }

    /**
     * Frees the lock if {@code token} still owns it, and returns true; returns false, and changes nothing, if the
     * lock is free or another token owns it (this one's time ran out).
     *
     * @throws IllegalArgumentException naming the value, if {@code token} is null or blank
     */
    public boolean release(String token) {
        requireToken(token);
        // BEGIN SOLUTION
        return Long.valueOf(1).equals(redis.eval(RELEASE, List.of(name), List.of(token)));
        // END SOLUTION
    }

    /**
     * Sets the lock's time to live to {@code ttl} from now if {@code token} still owns it, and returns true; returns
     * false, and changes nothing, otherwise.
     *
     * @throws IllegalArgumentException naming the value, if {@code token} is null or blank, or {@code ttl} is shorter
     *     than 1 ms
     */
    public boolean extend(String token, Duration ttl) {
        requireToken(token);
        requirePositive(ttl);
        // BEGIN SOLUTION
        return Long.valueOf(1).equals(redis.eval(EXTEND, List.of(name), List.of(token, Long.toString(ttl.toMillis()))));
        // END SOLUTION
    }

    private static void requireToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank, got: " + CallRendering.render(token));
        }
    }

    private static Duration requirePositive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 ms, got: " + ttl);
        }
        return ttl;
    }
}
