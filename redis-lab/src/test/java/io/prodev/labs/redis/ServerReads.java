package io.prodev.labs.redis;

import redis.clients.jedis.UnifiedJedis;

/**
 * How many times the server has read from its clients' sockets ({@code INFO stats}, {@code total_reads_processed},
 * Redis 6 and later). A client that waits for each reply before it sends the next command costs the server at least
 * one read per command; a pipeline's commands arrive together and are read a socket buffer at a time.
 */
final class ServerReads {

    private static final String FIELD = "total_reads_processed:";

    private ServerReads() {}

    static long total(UnifiedJedis redis) {
        for (String line : redis.info("stats").split("\r?\n")) {
            if (line.startsWith(FIELD)) {
                return Long.parseLong(line.substring(FIELD.length()).trim());
            }
        }
        throw new IllegalStateException("this Redis reports no " + FIELD + " in INFO stats (Redis 6 or later does)");
    }

    /** Reads the server made while {@code action} ran, less the one read of the {@code INFO} after it. */
    static long during(UnifiedJedis redis, Runnable action) {
        long before = total(redis);
        action.run();
        return total(redis) - before - 1;
    }
}
