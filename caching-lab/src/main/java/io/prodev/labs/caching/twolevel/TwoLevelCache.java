package io.prodev.labs.caching.twolevel;

import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import redis.clients.jedis.RedisClient;

/**
 * A two-level cache of strings: a small in-process LRU (L1, {@link LocalLru}) in front of Redis (L2),
 * shared by many instances (say one per application server).
 *
 * <ul>
 *   <li>{@link #get} answers from L1; on a miss it reads Redis and keeps the value in L1.</li>
 *   <li>{@link #put} and {@link #invalidate} change Redis, drop the key from this instance's L1 and
 *       publish {@code "<instance id> <key>"} on the invalidation channel. Every other instance listens on
 *       that channel ({@link InvalidationSubscriber}) and drops the key from its L1 when the message
 *       arrives; it may serve its old value until then (milliseconds), never after. An instance skips its
 *       own messages: it has evicted the key already, and a late second eviction would only cost a miss.</li>
 *   <li>If the subscription is lost, the instance stops using L1 (it can no longer trust it) and
 *       reads Redis every time.</li>
 * </ul>
 *
 * <p>Safe for use by many threads. {@link #close()} stops the subscriber thread and closes both
 * connections.
 */
public final class TwoLevelCache implements AutoCloseable {

    // BEGIN SOLUTION: remove
    /** Tells this instance's messages from the others'; a UUID has no spaces. */
    private final String instanceId = UUID.randomUUID().toString();

    private final LocalLru l1;
    private final String channel;
    private final RedisClient l2;
    private final InvalidationSubscriber subscriber;
    private volatile boolean l1Trusted = true;
    // END SOLUTION

    /**
     * Connects to Redis and subscribes to {@code channel}; returns once the subscription is active.
     *
     * @param redisUri   e.g. {@code redis://127.0.0.1:6379/0}
     * @param channel    the pub/sub channel all instances of one cache share (channels are server-wide)
     * @param l1Capacity how many entries L1 keeps; at least 1
     * @throws IllegalArgumentException naming the value, if {@code l1Capacity} is below 1 or the channel is blank
     * @throws IllegalStateException    if the subscription could not be made
     */
    public TwoLevelCache(URI redisUri, String channel, int l1Capacity) {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(channel, "channel");
        // BEGIN SOLUTION
        if (l1Capacity < 1) {
            throw new IllegalArgumentException("l1Capacity must be at least 1, got: " + l1Capacity);
        }
        if (channel.isBlank()) {
            throw new IllegalArgumentException("channel must not be blank, got: \"" + channel + "\"");
        }
        this.l1 = new LocalLru(l1Capacity);
        this.channel = channel;
        this.l2 = RedisClient.create(redisUri);
        try {
            this.subscriber = new InvalidationSubscriber(redisUri, channel, this::onInvalidation, this::distrustL1);
        } catch (RuntimeException e) {
            l2.close();
            throw e;
        }
        // END SOLUTION
    }

    /** The value of {@code key}, or null if Redis has none. */
    public String get(String key) {
        Objects.requireNonNull(key, "key");
        // BEGIN SOLUTION
        if (l1Trusted) {
            String local = l1.get(key);
            if (local != null) {
                return local;
            }
        }
        long generation = l1.generation(); // before reading Redis: see LocalLru for the race this closes
        String value = l2.get(key);
        if (value != null && l1Trusted) {
            l1.putIfNotInvalidatedSince(generation, key, value);
        }
        return value;
        // END SOLUTION
    }

    /** Stores the value in Redis and evicts the key from the L1 of every instance. */
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        // BEGIN SOLUTION
        l2.set(key, value);
        evictEverywhere(key);
        // END SOLUTION
    }

    /** Deletes the key from Redis and evicts it from the L1 of every instance. */
    public void invalidate(String key) {
        Objects.requireNonNull(key, "key");
        // BEGIN SOLUTION
        l2.del(key);
        evictEverywhere(key);
        // END SOLUTION
    }

    /** Whether this instance's L1 holds the key right now (for tests and monitoring). */
    public boolean isCachedLocally(String key) {
        Objects.requireNonNull(key, "key");
        // BEGIN SOLUTION
        return l1.contains(key);
        // END SOLUTION
    }

    /** Stops the subscriber thread and closes both connections. Idempotent. */
    @Override
    public void close() {
        // BEGIN SOLUTION
        try {
            subscriber.close();
        } finally {
            l2.close();
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /**
     * Redis first, then this L1, then the others. In this order a concurrent reader either reads the
     * new value from Redis or sees the L1 generation change and does not keep the old one.
     */
    private void evictEverywhere(String key) {
        l1.invalidate(key);
        l2.publish(channel, instanceId + " " + key);
    }

    /** Runs on the subscriber thread for each message: {@code "<instance id> <key>"}. */
    private void onInvalidation(String message) {
        int space = message.indexOf(' ');
        if (space > 0 && !message.substring(0, space).equals(instanceId)) {
            l1.invalidate(message.substring(space + 1));
        }
    }

    private void distrustL1() {
        l1Trusted = false;
        l1.clear();
    }
    // END SOLUTION
}
