package io.prodev.labs.redis;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;

/**
 * Stores values in Redis under fresh random keys and reads them back typed ({@link TypedReads}). Every call of
 * {@code store} is counted ({@link CallCounter}) and recorded ({@link CallHistory}) under the name
 * {@value #STORE}.
 *
 * <p>What Redis keeps: a String as its UTF-8 bytes, a byte[] untouched, an int or a long in decimal ("42"), a
 * double as {@link Double#toString(double)} writes it ("0.1", "1.0E21"), which {@link Double#parseDouble} reads
 * back exactly.
 */
public class Cache implements TypedReads {

    /** The name calls of {@code store} are counted and recorded under. */
    public static final String STORE = "Cache.store";

    private final UnifiedJedis redis;
    private final Function<Object, String> store;

    /** Empties the client's current database (FLUSHDB): a cache starts with nothing. */
    public Cache(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        // BEGIN SOLUTION
        // STUB: // Task 0: empty the current database here
        redis.flushDB();
        // END SOLUTION
        this.store = CallHistory.recorded(redis, STORE, CallCounter.counted(redis, STORE, this::save));
    }

    /** Stores the text's UTF-8 bytes under a fresh key and returns the key. */
    public String store(String data) {
        return store.apply(data);
    }

    /** Stores the bytes untouched under a fresh key and returns the key. */
    public String store(byte[] data) {
        return store.apply(data);
    }

    /** Stores the number in decimal under a fresh key and returns the key. */
    public String store(int data) {
        return store.apply(data);
    }

    /** Stores the number in decimal under a fresh key and returns the key. */
    public String store(long data) {
        return store.apply(data);
    }

    /** Stores the number as {@link Double#toString(double)} writes it under a fresh key and returns the key. */
    public String store(double data) {
        return store.apply(data);
    }

    @Override
    public byte[] raw(String key) {
        return redis.get(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Saves one value under a new random UUID key: the bytes a String, byte[], Integer, Long or Double stands for.
     *
     * @throws IllegalArgumentException if {@code data} is null, or a double that is NaN or infinite, naming it
     */
    private String save(Object data) {
        // BEGIN SOLUTION
        byte[] bytes;
        if (data instanceof String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else if (data instanceof byte[] raw) {
            bytes = raw;
        } else if (data instanceof Integer || data instanceof Long) {
            bytes = data.toString().getBytes(StandardCharsets.US_ASCII);
        } else if (data instanceof Double number && Double.isFinite(number)) {
            bytes = Double.toString(number).getBytes(StandardCharsets.US_ASCII);
        } else {
            throw new IllegalArgumentException("data must be text, bytes, a whole number or a finite double, got: "
                    + (data == null ? "null" : data + " (" + data.getClass().getSimpleName() + ")"));
        }
        String key = UUID.randomUUID().toString();
        redis.set(key.getBytes(StandardCharsets.UTF_8), bytes);
        return key;
        // END SOLUTION
    }
}
