package io.prodev.labs.redis;

import java.util.Objects;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;

/**
 * A decorator: wraps any one-argument method so that every call is counted in Redis, under a key named for
 * the method. The count is an {@code INCR}, so calls from many threads and many processes add up exactly.
 */
public final class CallCounter {

    private CallCounter() {}

    /**
     * {@code method}, but each call first increments the counter under the key {@code name}; a call that throws
     * counts too, since it was made.
     *
     * @throws IllegalArgumentException naming the value, if {@code name} is null or blank
     */
    public static <T, R> Function<T, R> counted(UnifiedJedis redis, String name, Function<T, R> method) {
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(method, "method");
        // BEGIN SOLUTION
        // STUB: return method; // Task 2: count each call under the key name before it runs
        CallNames.require(name);
        return input -> {
            redis.incr(name);
            return method.apply(input);
        };
        // END SOLUTION
    }
}
