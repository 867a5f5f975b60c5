package io.prodev.labs.caching.readthrough;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A read-through cache with a time-to-live, in front of a slow loader (a database query, a remote
 * call). {@link #get} returns the cached value while it is fresh and otherwise asks the loader.
 *
 * <ul>
 *   <li>An entry expires {@code ttl} after it was loaded, as measured by the {@link Clock}.</li>
 *   <li>Concurrent misses for one key call the loader once: the first caller loads, the others wait
 *       for that load and get its value (no "cache stampede" on a hot key).</li>
 *   <li>A loader failure is not cached: every caller waiting for that load gets the failure, and the
 *       next {@code get} calls the loader again.</li>
 *   <li>A {@code null} from the loader means "no such value": {@code get} returns {@code null} and
 *       caches nothing, so the next {@code get} asks the loader again.</li>
 * </ul>
 *
 * <p>Safe for use by many threads. Keys must not be null. The cache has no size bound: an expired
 * entry is replaced when its key is read again.
 *
 * @param <K> key type; needs {@code equals} and {@code hashCode}
 * @param <V> value type
 */
public final class ReadThroughCache<K, V> {

    // BEGIN SOLUTION: remove
    /** A loaded value and the instant it stops being fresh. */
    private record Entry<V>(V value, Instant expiresAt) {}

    private final Function<? super K, ? extends V> loader;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** One future per key being loaded right now; waiters join it instead of calling the loader. */
    private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
    // END SOLUTION

    /**
     * @param loader loads the value of a key on a miss; may return null (see the class comment)
     * @param ttl    how long a loaded value stays fresh; must be more than zero
     * @param clock  the time source for expiry (tests pass a clock they can move)
     * @throws IllegalArgumentException if {@code ttl} is zero or negative
     * @throws NullPointerException     if an argument is null
     */
    public ReadThroughCache(Function<? super K, ? extends V> loader, Duration ttl, Clock clock) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(clock, "clock");
        // BEGIN SOLUTION
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be more than zero, got: " + ttl);
        }
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
        // END SOLUTION
    }

    /**
     * The value of {@code key}: the cached one while fresh, else the loader's.
     *
     * @throws NullPointerException if {@code key} is null
     * @throws RuntimeException     whatever the loader threw, to every caller that waited for that load
     */
    public V get(K key) {
        Objects.requireNonNull(key, "key");
        // BEGIN SOLUTION
        V cached = freshValue(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<V> ours = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, ours);
        if (running != null) {
            return await(running);
        }
        try {
            // Another thread may have finished loading between our miss and putIfAbsent: look again.
            V loadedMeanwhile = freshValue(key);
            V value = loadedMeanwhile != null ? loadedMeanwhile : loadAndStore(key);
            ours.complete(value);
            return value;
        } catch (RuntimeException | Error failure) {
            ours.completeExceptionally(failure);
            throw failure;
        } finally {
            // Store first, remove second: a caller that finds no future finds the entry instead.
            inFlight.remove(key, ours);
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private V freshValue(K key) {
        Entry<V> entry = entries.get(key);
        return entry != null && clock.instant().isBefore(entry.expiresAt()) ? entry.value() : null;
    }

    private V loadAndStore(K key) {
        V value = loader.apply(key);
        if (value != null) {
            entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
        }
        return value;
    }

    /** Waits for another caller's load and rethrows its failure as it was thrown, not wrapped. */
    private static <V> V await(CompletableFuture<V> load) {
        try {
            return load.join();
        } catch (CompletionException wrapped) {
            Throwable cause = wrapped.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw wrapped;
        }
    }
    // END SOLUTION
}
