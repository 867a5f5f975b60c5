package io.prodev.labs.redis;

import java.util.Objects;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.UnifiedJedis;

/**
 * Moving money between two counters kept in Redis, so that concurrent transfers, from any number of threads or
 * processes, never lose or create money and never overdraw a counter. Each counter is a key holding a decimal
 * integer (as {@code INCRBY} writes it); a missing key holds 0.
 */
public final class Accounts {

    private Accounts() {}

    /**
     * Moves {@code amount} from the counter {@code from} to the counter {@code to}, as one atomic step: no client
     * ever sees the amount gone from {@code from} but not yet in {@code to}. The check that {@code from} holds
     * enough and the move are atomic together, so no balance is ever negative, however many transfers run at once.
     *
     * @return true if the amount moved; false, changing nothing, if {@code from} holds less than {@code amount}
     * @throws IllegalArgumentException naming the value, if {@code from} or {@code to} is null or blank, if they
     *     are equal, or if {@code amount} is less than 1; nothing changes then
     */
    public static boolean transfer(UnifiedJedis redis, String from, String to, long amount) {
        Objects.requireNonNull(redis, "redis");
        // BEGIN SOLUTION
        requireKey("from", from);
        requireKey("to", to);
        if (from.equals(to)) {
            throw new IllegalArgumentException(
                    "from and to must differ, got: " + CallRendering.render(from) + " twice");
        }
        if (amount < 1) {
            throw new IllegalArgumentException("amount must be at least 1, got: " + amount);
        }
        while (true) {
            // transaction(false): one connection of the pool for the whole attempt, MULTI not sent yet, so WATCH
            // and GET run at once on the connection that will EXEC.
            try (AbstractTransaction transaction = redis.transaction(false)) {
                // WATCH before reading: if another client changes from between here and EXEC, EXEC does nothing
                // and returns null, and we try again with the new balance. to needs no WATCH: INCRBY adds to
                // whatever it holds then.
                transaction.watch(from);
                String stored = transaction.get(from).get();
                long balance = stored == null ? 0 : Long.parseLong(stored);
                if (balance < amount) {
                    return false; // close() sends UNWATCH, so the pooled connection goes back clean
                }
                transaction.multi();
                transaction.decrBy(from, amount);
                transaction.incrBy(to, amount);
                if (transaction.exec() != null) {
                    return true;
                }
            }
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static void requireKey(String what, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(what + " must not be null or blank, got: " + CallRendering.render(key));
        }
    }
    // END SOLUTION
}
