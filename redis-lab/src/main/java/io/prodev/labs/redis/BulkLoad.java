package io.prodev.labs.redis;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * Loading many keys, two ways. One command at a time pays a network round trip per key: the client sends a
 * {@code SET}, waits for its {@code OK}, then sends the next. A pipeline sends a batch of commands without waiting
 * and reads all their replies afterwards, so a whole batch costs about one round trip: on loopback that is 50 to
 * 100 times faster, and across a real network far more.
 */
public final class BulkLoad {

    private BulkLoad() {}

    /**
     * Stores every entry with its own {@code SET}, one round trip each: a {@code SET} is sent only after the reply
     * to the one before it came back. Values are stored as their UTF-8 bytes.
     *
     * @throws IllegalArgumentException naming the value, if {@code entries} is null or holds a null key or value;
     *     nothing is stored then
     */
    public static void loadOneByOne(UnifiedJedis redis, Map<String, String> entries) {
        Objects.requireNonNull(redis, "redis");
        // BEGIN SOLUTION
        requireEntries(entries);
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            redis.set(entry.getKey(), entry.getValue());
        }
        // END SOLUTION
    }

    /**
     * Stores every entry with {@code SET}s sent through pipelines: a batch of commands goes out without waiting for
     * replies, then one {@code sync} reads them all. Values are stored as their UTF-8 bytes.
     *
     * @throws IllegalArgumentException naming the value, if {@code entries} is null or holds a null key or value;
     *     nothing is stored then
     */
    public static void loadPipelined(UnifiedJedis redis, Map<String, String> entries) {
        Objects.requireNonNull(redis, "redis");
        // BEGIN SOLUTION
        requireEntries(entries);
        Iterator<Map.Entry<String, String>> remaining = entries.entrySet().iterator();
        while (remaining.hasNext()) {
            // One pipeline per batch: its replies are held in memory until sync, so a map of millions of entries
            // is sent in batches rather than with millions of replies pending at once.
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (int i = 0; i < BATCH && remaining.hasNext(); i++) {
                    Map.Entry<String, String> entry = remaining.next();
                    pipeline.set(entry.getKey(), entry.getValue());
                }
                pipeline.sync();
            }
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** Commands per pipeline: enough to make round trips rare, few enough to keep the pending replies small. */
    private static final int BATCH = 1_000;

    /** Checks every entry before the first command, so bad input stores nothing. */
    private static void requireEntries(Map<String, String> entries) {
        if (entries == null) {
            throw new IllegalArgumentException("entries must not be null, got: null");
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("entries must not hold a null key or value, got: "
                        + CallRendering.render(entry.getKey()) + "=" + CallRendering.render(entry.getValue()));
            }
        }
    }
    // END SOLUTION
}
