package io.prodev.labs.caching.properties;

import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * How often Redis found the keys it was asked for, from the {@code keyspace_hits} and
 * {@code keyspace_misses} counters of {@code INFO stats}.
 *
 * <p>The counters are server-wide (every database, every client) and count since the server started
 * or since {@code CONFIG RESETSTAT}. A {@code GET} of a present key is a hit, of a missing key a miss.
 *
 * @param hits   lookups that found their key, 0 or more
 * @param misses lookups that did not, 0 or more
 */
public record CacheMetrics(long hits, long misses) {

    /** @throws IllegalArgumentException naming the value, if a count is negative */
    public CacheMetrics {
        // BEGIN SOLUTION
        if (hits < 0) {
            throw new IllegalArgumentException("hits must be 0 or more, got: " + hits);
        }
        if (misses < 0) {
            throw new IllegalArgumentException("misses must be 0 or more, got: " + misses);
        }
        // END SOLUTION
    }

    /** Runs {@code INFO stats} on {@code redis} and reads the two counters. */
    public static CacheMetrics from(UnifiedJedis redis) {
        Objects.requireNonNull(redis, "redis");
        // BEGIN SOLUTION
        return parse(redis.info("stats"));
        // END SOLUTION
    }

    /**
     * Reads the counters from the text of {@code INFO stats}: lines such as {@code keyspace_hits:12}.
     *
     * @throws IllegalArgumentException if a counter is missing or is not a number
     */
    public static CacheMetrics parse(String infoStats) {
        Objects.requireNonNull(infoStats, "infoStats");
        // BEGIN SOLUTION
        return new CacheMetrics(counter(infoStats, "keyspace_hits"), counter(infoStats, "keyspace_misses"));
        // END SOLUTION
    }

    /** Hits plus misses. */
    public long lookups() {
        // BEGIN SOLUTION
        return hits + misses;
        // END SOLUTION
    }

    /** Hits divided by lookups, from 0.0 to 1.0; 0.0 when there were no lookups at all. */
    public double hitRatio() {
        // BEGIN SOLUTION
        return lookups() == 0 ? 0.0 : (double) hits / lookups();
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static long counter(String infoStats, String name) {
        String prefix = name + ":";
        for (String line : infoStats.split("\r?\n")) {
            if (line.startsWith(prefix)) {
                String value = line.substring(prefix.length()).trim();
                try {
                    return Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " is not a number: \"" + value + "\"", e);
                }
            }
        }
        throw new IllegalArgumentException("INFO stats has no " + name + " line");
    }
    // END SOLUTION
}
