package io.prodev.labs.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.redis.RedisEndpoint;
import io.prodev.labs.labkit.redis.RedisTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

@Task("8")
@Hidden
@RedisTest
class AccountsHiddenTest {

    private static final int THREADS = 16;
    private static final String[] ACCOUNTS = {"a", "b", "c", "d"};

    /**
     * A client with a connection for every thread and then some, so that a transfer that holds one connection
     * for its transaction and reads through another never waits for the pool: these tests judge the money only.
     */
    private static RedisClient roomyClient(RedisEndpoint endpoint) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(3 * THREADS);
        pool.setMaxIdle(3 * THREADS);
        return RedisClient.builder().fromURI(endpoint.uri()).poolConfig(pool).build();
    }

    private static long[] balances(RedisClient redis) {
        List<String> values = redis.mget(ACCOUNTS);
        long[] balances = new long[ACCOUNTS.length];
        for (int i = 0; i < ACCOUNTS.length; i++) {
            balances[i] = values.get(i) == null ? 0 : Long.parseLong(values.get(i));
        }
        return balances;
    }

    @Hint("under many concurrent transfers no money may be lost or created, even for a moment, and no balance may "
            + "go below 0: the check and the move must be one atomic step")
    @Test
    @Timeout(60)
    void concurrentRandomTransfersNeitherLoseNorCreateMoney(RedisClient redis, RedisEndpoint endpoint)
            throws InterruptedException {
        long[] start = {300, 300, 300, 0};
        for (int i = 0; i < ACCOUNTS.length; i++) {
            redis.set(ACCOUNTS[i], String.valueOf(start[i]));
        }
        long total = Arrays.stream(start).sum();
        AtomicLongArray moved = new AtomicLongArray(ACCOUNTS.length); // in minus out, of successful transfers
        AtomicInteger successes = new AtomicInteger();
        ConcurrentLinkedQueue<String> badSamples = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        try (RedisClient client = roomyClient(endpoint)) {
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(t);
                threads.add(new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 40; i++) {
                        int from = random.nextInt(ACCOUNTS.length);
                        int to = (from + 1 + random.nextInt(ACCOUNTS.length - 1)) % ACCOUNTS.length;
                        long amount = 1 + random.nextInt(120);
                        if (Accounts.transfer(client, ACCOUNTS[from], ACCOUNTS[to], amount)) {
                            moved.addAndGet(from, -amount);
                            moved.addAndGet(to, amount);
                            successes.incrementAndGet();
                        }
                    }
                }));
            }
            // MGET reads all four at one instant: between two atomic transfers the total is always the same.
            Thread sampler = new Thread(() -> {
                while (!done.get()) {
                    long[] sample = balances(redis);
                    if (Arrays.stream(sample).sum() != total
                            || Arrays.stream(sample).anyMatch(b -> b < 0)) {
                        badSamples.add(Arrays.toString(sample));
                    }
                }
            });
            threads.forEach(Thread::start);
            sampler.start();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            done.set(true);
            sampler.join();
        }

        long[] end = balances(redis);
        assertThat(badSamples)
                .as(
                        "balances of a, b, c, d sampled with MGET while %d threads transferred at once "
                                + "(each must sum to %d, none below 0)",
                        THREADS, total)
                .isEmpty();
        assertThat(Arrays.stream(end).sum())
                .as("a + b + c + d after %d concurrent transfers, %d of them successful", THREADS * 40, successes.get())
                .isEqualTo(total);
        for (int i = 0; i < ACCOUNTS.length; i++) {
            assertThat(end[i])
                    .as(
                            "%s: %d at first, then %+d from the transfers that returned true (final balances %s)",
                            ACCOUNTS[i], start[i], moved.get(i), Arrays.toString(end))
                    .isEqualTo(start[i] + moved.get(i));
        }
    }

    @Hint("when many transfers race for the same money, only as many may succeed as the balance covers")
    @Test
    @Timeout(60)
    void racingTransfersForTheSameMoneyOnlyOneWins(RedisClient redis, RedisEndpoint endpoint)
            throws InterruptedException {
        try (RedisClient client = roomyClient(endpoint)) {
            for (int round = 0; round < 10; round++) {
                redis.flushDB();
                redis.set("pot", "100");
                AtomicInteger wins = new AtomicInteger();
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String to = "taker" + t;
                    Thread thread = new Thread(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (Accounts.transfer(client, "pot", to, 100)) {
                            wins.incrementAndGet();
                        }
                    });
                    thread.start();
                    threads.add(thread);
                }
                go.countDown();
                for (Thread thread : threads) {
                    thread.join();
                }

                assertThat(wins.get())
                        .as(
                                "transfers that returned true when %d threads each moved all 100 of pot at once (round %d)",
                                THREADS, round + 1)
                        .isEqualTo(1);
                assertThat(redis.get("pot"))
                        .as("GET pot after %d threads raced to move its 100 (round %d)", THREADS, round + 1)
                        .isEqualTo("0");
            }
        }
    }

    /** Random transfers, some too large, some from counters never written; the model is a map of balances. */
    @Hint("a transfer returns true and moves the amount exactly when the sender holds at least that much; "
            + "a missing counter holds 0")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void randomTransfersMatchAModel(long seed, RedisClient redis) {
        Random random = new Random(seed);
        Map<String, Long> model = new HashMap<>();
        model.put("a", 50L);
        model.put("b", 10L);
        redis.set("a", "50");
        redis.set("b", "10");
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String from = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
            String to = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
            if (from.equals(to)) {
                continue;
            }
            long amount = 1 + random.nextInt(random.nextBoolean() ? 10 : 60);
            String operation = "transfer(" + from + " -> " + to + ", " + amount + ")";
            done.add(operation);
            long held = model.getOrDefault(from, 0L);
            boolean expected = held >= amount;
            if (expected) {
                model.put(from, held - amount);
                model.put(to, model.getOrDefault(to, 0L) + amount);
            }

            assertThat(Accounts.transfer(redis, from, to, amount))
                    .as("operation %d, %s with %s at %d (seed %d; so far: %s)", i, operation, from, held, seed, done)
                    .isEqualTo(expected);
            long[] actual = balances(redis);
            for (int k = 0; k < ACCOUNTS.length; k++) {
                assertThat(actual[k])
                        .as(
                                "balance of %s after operation %d, %s (seed %d; so far: %s)",
                                ACCOUNTS[k], i, operation, seed, done)
                        .isEqualTo(model.getOrDefault(ACCOUNTS[k], 0L));
            }
        }
    }
}
