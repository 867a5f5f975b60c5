package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import io.prodev.labs.labkit.concurrency.AllAtOnce;
import io.prodev.labs.labkit.redis.PausingRelay;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

@Task("7")
@Hidden
@RedisTest
class DistributedLockHiddenTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** How long a command a correct design may never send gets to reach the relay. */
    private static final Duration MAY_NEVER_COME = Duration.ofMillis(300);

    /**
     * The owner's call reads the lock (a GET, whose reply the relay holds), the lock then passes to another owner,
     * and the call goes on: whatever it does next must not touch the new owner's lock. A design that compares in
     * Redis (a script) sends no GET, and its call just runs first.
     */
    private static void afterTheOwnersReadTheLockPassesOn(
            RedisClient redis,
            RedisEndpoint endpoint,
            BiFunction<DistributedLock, String, Boolean> ownersCall,
            Consumer<String> check)
            throws Exception {
        try (PausingRelay relay = new PausingRelay(endpoint);
                RedisClient relayed = RedisClient.create(relay.uri())) {
            DistributedLock owner = new DistributedLock(relayed, "lock:orders", MINUTE);
            String token = owner.tryAcquire();
            relay.pauseReplyToNextCommand("GET");
            CompletableFuture<Boolean> call = CompletableFuture.supplyAsync(() -> ownersCall.apply(owner, token));
            boolean paused = relay.pausedWithin(MAY_NEVER_COME);
            if (paused) {
                redis.del("lock:orders"); // the owner's TTL runs out while its GET's answer is on the way
            } else {
                call.get(5, TimeUnit.SECONDS);
                redis.del("lock:orders");
            }
            String next = new DistributedLock(redis, "lock:orders", Duration.ofSeconds(30)).tryAcquire();
            relay.release();
            call.get(5, TimeUnit.SECONDS);
            check.accept(next);
        }
    }

    @Weight(2)
    @Hint("release must compare the token and delete in one step: the lock can pass to another owner in between")
    @Test
    void releaseNeverFreesAnotherOwnersLock(RedisClient redis, RedisEndpoint endpoint) throws Exception {
        afterTheOwnersReadTheLockPassesOn(
                redis,
                endpoint,
                DistributedLock::release,
                next -> assertThat(redis.get("lock:orders"))
                        .as("GET lock:orders after the old owner's release ran while the lock passed to a new owner")
                        .isEqualTo(next));
    }

    @Weight(2)
    @Hint("extend must compare the token and set the expiry in one step: the lock can pass to another owner in between")
    @Test
    void extendNeverProlongsAnotherOwnersLock(RedisClient redis, RedisEndpoint endpoint) throws Exception {
        afterTheOwnersReadTheLockPassesOn(
                redis,
                endpoint,
                (owner, token) -> owner.extend(token, Duration.ofHours(1)),
                next -> assertThat(redis.pttl("lock:orders"))
                        .as("PTTL lock:orders (ms), the new owner's 30 s, after the old owner's extend ran while the"
                                + " lock passed to it")
                        .isBetween(1L, 30_000L));
    }

    @Weight(2)
    @Hint("the lock and its expiry must reach Redis in one command: an owner can die between two")
    @Test
    void theLockNeverSitsInRedisWithoutItsExpiry(RedisClient redis, RedisEndpoint endpoint) throws Exception {
        try (PausingRelay relay = new PausingRelay(endpoint);
                RedisClient relayed = RedisClient.create(relay.uri())) {
            relay.pauseNextCommand("PEXPIRE", "EXPIRE", "PEXPIREAT", "EXPIREAT");
            CompletableFuture<String> acquire = CompletableFuture.supplyAsync(
                    () -> new DistributedLock(relayed, "lock:orders", MINUTE).tryAcquire());
            if (relay.pausedWithin(MAY_NEVER_COME)) {
                assertThat(redis.pttl("lock:orders"))
                        .as("PTTL lock:orders when tryAcquire had taken the lock and not yet set its expiry")
                        .isPositive();
            }
            relay.release();
            assertThat(acquire.get(5, TimeUnit.SECONDS))
                    .as("tryAcquire() on a free lock")
                    .isNotNull();
            assertThat(redis.pttl("lock:orders"))
                    .as("PTTL lock:orders after tryAcquire")
                    .isPositive();
        }
    }

    @Weight(2)
    @Hint("the lock is free, or held by the last token that took it and has not run out, released or been replaced")
    @Test
    void randomCallsMatchAModelOfTheLock(RedisClient redis) {
        Random random = new Random(7);
        List<DistributedLock> contenders = List.of(
                new DistributedLock(redis, "lock:orders", MINUTE),
                new DistributedLock(redis, "lock:orders", MINUTE),
                new DistributedLock(redis, "lock:orders", MINUTE));
        List<String> tokens = new ArrayList<>(); // every token ever handed out, the stale ones included
        String holder = null; // the model: the token that holds the lock, or null when it is free
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            DistributedLock lock = contenders.get(random.nextInt(contenders.size()));
            int roll = random.nextInt(10);
            String token = tokens.isEmpty() || random.nextInt(3) == 0
                    ? UUID.randomUUID().toString()
                    : tokens.get(tokens.size() - 1 - random.nextInt(Math.min(3, tokens.size())));
            boolean isHolder = token.equals(holder);
            Object expected;
            Object got;
            if (roll < 4) {
                done.add("tryAcquire");
                got = lock.tryAcquire();
                if (holder == null) {
                    expected = "a new token";
                    if (got instanceof String taken && !tokens.contains(taken)) {
                        tokens.add(taken);
                        holder = taken;
                        got = expected;
                    }
                } else {
                    expected = null;
                }
            } else if (roll < 7) {
                done.add("release(" + (isHolder ? "the holder's token" : "another token") + ")");
                got = lock.release(token);
                expected = isHolder;
                if (isHolder) {
                    holder = null;
                }
            } else if (roll < 9) {
                done.add("extend(" + (isHolder ? "the holder's token" : "another token") + ", 2 min)");
                got = lock.extend(token, Duration.ofMinutes(2));
                expected = isHolder;
            } else {
                done.add("the lock expires");
                redis.del("lock:orders");
                holder = null;
                continue;
            }
            if (!Objects.equals(expected, got)) {
                fail(
                        "call %d (%s) returned %s, expected %s; the calls so far: %s",
                        i, done.get(done.size() - 1), got, expected, done);
            }
            assertThat(redis.get("lock:orders"))
                    .as("GET lock:orders after call %d; the calls so far: %s", i, done)
                    .isEqualTo(holder);
        }
    }

    @Weight(2)
    @Hint("two contenders must never both hold the lock")
    @Test
    void eightContendersNeverHoldItTogether(RedisClient redis) throws InterruptedException {
        int threads = 8;
        int rounds = 100;
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger acquired = new AtomicInteger();
        AllAtOnce.run(threads, thread -> {
            DistributedLock lock = new DistributedLock(redis, "lock:orders", MINUTE);
            for (int i = 0; i < rounds; i++) {
                String token = lock.tryAcquire();
                if (token != null) {
                    acquired.incrementAndGet();
                    if (holders.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    holders.decrementAndGet();
                    lock.release(token);
                }
            }
        });
        assertThat(overlaps.get())
                .as("times two of %d threads held the lock together, in %d acquisitions", threads, acquired.get())
                .isZero();
        assertThat(acquired.get())
                .as("acquisitions of %d threads trying %d times", threads, rounds)
                .isPositive();
        assertThat(redis.exists("lock:orders"))
                .as("EXISTS lock:orders after every owner released")
                .isFalse();
    }
}
