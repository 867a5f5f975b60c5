package io.prodev.labs.redis;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Keeps a test from hanging on a {@code take} that blocks for ever (a {@code BLMOVE} timeout of 0): the take runs
 * on a thread of its own, and a take still blocked after a bound is ended with {@code CLIENT UNBLOCK}.
 */
final class BlockedTakes {

    /** Far longer than any wait the tests pass to take. */
    static final Duration BOUND = Duration.ofSeconds(5);

    private BlockedTakes() {}

    /** {@code queue.take(worker, wait)}, failing the test if it has not returned after {@link #BOUND}. */
    static String take(UnifiedJedis redis, JobQueue queue, String worker, Duration wait) {
        FutureTask<String> take = new FutureTask<>(() -> queue.take(worker, wait));
        Thread thread = new Thread(take, "take-" + worker);
        thread.start();
        try {
            return take.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            unblockAll(redis);
            join(thread);
            throw new AssertionError(String.format(
                    "take(\"%s\", %s) had not returned after %d s: with no job it must give up after wait",
                    worker, wait, BOUND.toSeconds()));
        } catch (ExecutionException e) {
            join(thread);
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends every blocking command a client of this database is blocked in (it returns as if it timed out). */
    static void unblockAll(UnifiedJedis redis) {
        String database = field(text(redis.sendCommand(Protocol.Command.CLIENT, "INFO")), "db");
        for (String client :
                text(redis.sendCommand(Protocol.Command.CLIENT, "LIST")).split("\n")) {
            String flags = field(client, "flags");
            if (flags != null && flags.contains("b") && database.equals(field(client, "db"))) {
                redis.sendCommand(Protocol.Command.CLIENT, "UNBLOCK", field(client, "id"));
            }
        }
    }

    static void join(Thread thread) {
        try {
            thread.join(BOUND.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? SafeEncoder.encode(bytes) : String.valueOf(reply);
    }

    /** The value of {@code name=value} in a line of CLIENT LIST or CLIENT INFO. */
    private static String field(String client, String name) {
        for (String pair : client.trim().split(" ")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
