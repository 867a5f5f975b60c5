package io.prodev.labs.decorators;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How {@link Retry} retries: at most {@code attempts} calls in all (the first included); before call {@code k} (k
 * &gt;= 2) a wait of {@code delay * backoffFactor^(k-2)}, moved by up to {@code jitter} of itself either way with a
 * value drawn from {@code random}; only failures whose type is, or extends, one of {@code transientTypes} are
 * retried; {@code sleeper} does the waiting.
 *
 * <p>Start from {@link #of} and change one thing at a time with the {@code with...} methods: each returns a new
 * policy.
 *
 * @param attempts how many calls at most, the first included: 1 or more (1 never retries)
 * @param delay the wait before the second call: zero or more
 * @param backoffFactor what each later wait is multiplied by: 1 or more (1 keeps the delay fixed)
 * @param jitter how far a wait may move either way, as a fraction of it: 0 (none) to 1
 * @param random values in [0, 1), one drawn for each wait: 0 shortens it by the whole jitter, 0.5 leaves it
 * @param transientTypes the failures worth another call; a subclass of one counts too
 * @param sleeper what waits
 */
public record RetryPolicy(
        int attempts,
        Duration delay,
        double backoffFactor,
        double jitter,
        DoubleSupplier random,
        Set<Class<? extends Exception>> transientTypes,
        Sleeper sleeper) {

    /**
     * Checks every value and copies the set.
     *
     * @throws IllegalArgumentException naming the value: attempts below 1, a null or negative delay, a backoff factor
     *     below 1 (or NaN), a jitter outside [0, 1] (or NaN), a null random, set, member of the set or sleeper
     */
    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, got " + attempts);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or more, got " + delay);
        }
        if (!(backoffFactor >= 1)) {
            throw new IllegalArgumentException("backoffFactor must be 1 or more, got " + backoffFactor);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
        }
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        if (transientTypes == null || transientTypes.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("transientTypes must be a set of types, got " + transientTypes);
        }
        if (sleeper == null) {
            throw new IllegalArgumentException("sleeper must not be null");
        }
        transientTypes = Set.copyOf(transientTypes);
    }

    /**
     * A policy of {@code attempts} calls, a fixed {@code delay}, no jitter, retrying the given types, that really
     * sleeps.
     */
    @SafeVarargs
    public static RetryPolicy of(int attempts, Duration delay, Class<? extends Exception>... transientTypes) {
        if (transientTypes == null) {
            throw new IllegalArgumentException("transientTypes must be a set of types, got null");
        }
        return new RetryPolicy(
                attempts,
                delay,
                1,
                0,
                () -> ThreadLocalRandom.current().nextDouble(),
                new HashSet<>(Arrays.asList(transientTypes)),
                Sleeper.real());
    }

    /** This policy with each wait {@code backoffFactor} times the one before. */
    public RetryPolicy withBackoff(double backoffFactor) {
        return new RetryPolicy(attempts, delay, backoffFactor, jitter, random, transientTypes, sleeper);
    }

    /** This policy with waits moved by up to {@code jitter} of themselves, drawing from {@code random}. */
    public RetryPolicy withJitter(double jitter, DoubleSupplier random) {
        return new RetryPolicy(attempts, delay, backoffFactor, jitter, random, transientTypes, sleeper);
    }

    /** This policy waiting with {@code sleeper}. */
    public RetryPolicy withSleeper(Sleeper sleeper) {
        return new RetryPolicy(attempts, delay, backoffFactor, jitter, random, transientTypes, sleeper);
    }
}
