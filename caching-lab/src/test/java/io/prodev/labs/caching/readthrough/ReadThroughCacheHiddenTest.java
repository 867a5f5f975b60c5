package io.prodev.labs.caching.readthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("6")
@Hidden
class ReadThroughCacheHiddenTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Set<Thread.State> PARKED =
            EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED, Thread.State.TERMINATED);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    private enum Outcome {
        VALUE,
        NULL,
        FAILURE
    }

    /** What the model expects the cache to hold: a value and the instant it goes stale. */
    private record Fresh(String value, Instant staleAt) {}

    @Hint(
            "over a long random mix of gets and clock moves, a value must be served from the cache exactly while it is fresh, and loaded again from the instant it expires; nulls and failures are never cached")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void agreesWithAModelOfTtlExpiryOnRandomOperations(long seed) {
        Random random = new Random(seed);
        AtomicReference<Outcome> nextOutcome = new AtomicReference<>(Outcome.VALUE);
        AtomicReference<RuntimeException> lastThrown = new AtomicReference<>();
        AtomicInteger loads = new AtomicInteger();
        ReadThroughCache<String, String> cache = new ReadThroughCache<>(
                key -> {
                    int load = loads.incrementAndGet();
                    switch (nextOutcome.get()) {
                        case NULL:
                            return null;
                        case FAILURE:
                            RuntimeException failure =
                                    new IllegalStateException("load " + load + " of " + key + " failed");
                            lastThrown.set(failure);
                            throw failure;
                        default:
                            return key + " #" + load;
                    }
                },
                TTL,
                clock);
        Map<String, Fresh> model = new HashMap<>();
        int expectedLoads = 0;
        List<String> recent = new ArrayList<>();

        for (int i = 0; i < 2_000; i++) {
            if (random.nextInt(4) == 0) {
                Duration step = clockStep(random, model);
                clock.advance(step);
                remember(recent, "advance " + step);
                continue;
            }
            String key = "k" + random.nextInt(4);
            int roll = random.nextInt(10);
            Outcome outcome = roll < 7 ? Outcome.VALUE : roll < 8 ? Outcome.NULL : Outcome.FAILURE;
            nextOutcome.set(outcome);
            remember(recent, "get " + key + " (a load would give " + outcome + ")");
            String context = String.format("get(\"%s\"), operation #%d (seed %d); recent: %s", key, i, seed, recent);

            Fresh fresh = model.get(key);
            boolean expectLoad = fresh == null || !clock.instant().isBefore(fresh.staleAt());
            if (expectLoad) {
                expectedLoads++;
                model.remove(key);
            }
            Object actual;
            try {
                actual = cache.get(key);
            } catch (RuntimeException thrown) {
                actual = thrown;
            }
            if (loads.get() != expectedLoads) {
                assertThat(loads.get())
                        .as("loader calls so far, after %s (expected a load: %s)", context, expectLoad)
                        .isEqualTo(expectedLoads);
            }
            if (!expectLoad) {
                assertThat(actual)
                        .as("%s, served fresh from the cache", context)
                        .isEqualTo(fresh.value());
            } else if (outcome == Outcome.FAILURE) {
                assertThat(actual)
                        .as("%s, whose load threw: the loader's own exception, as thrown", context)
                        .isSameAs(lastThrown.get());
            } else if (outcome == Outcome.NULL) {
                assertThat(actual).as("%s, whose load returned null", context).isNull();
            } else {
                String loaded = key + " #" + expectedLoads;
                if (!Objects.equals(actual, loaded)) {
                    assertThat(actual).as("%s, which loaded", context).isEqualTo(loaded);
                }
                model.put(key, new Fresh(loaded, clock.instant().plus(TTL)));
            }
        }
    }

    /** A clock move: small, large, or exactly up to (or just short of) the instant a cached value goes stale. */
    private Duration clockStep(Random random, Map<String, Fresh> model) {
        Instant now = clock.instant();
        List<Instant> upcoming = model.values().stream()
                .map(Fresh::staleAt)
                .filter(now::isBefore)
                .toList();
        int kind = random.nextInt(5);
        if (kind < 2 && !upcoming.isEmpty()) {
            Duration toStale = Duration.between(now, upcoming.get(random.nextInt(upcoming.size())));
            return kind == 0 ? toStale : toStale.minusNanos(1);
        }
        if (kind == 2) {
            return Duration.ofMillis(1 + random.nextInt(1000));
        }
        return Duration.ofSeconds(1 + random.nextInt((int) TTL.toSeconds()));
    }

    @Hint("when many threads miss on several keys at once, each key's loader must run once, before and after expiry")
    @Test
    void concurrentMissesOnSeveralKeysLoadEachKeyOnce() throws InterruptedException {
        Map<String, AtomicInteger> loadsPerKey = new ConcurrentHashMap<>();
        AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(1));
        ReadThroughCache<String, String> cache = new ReadThroughCache<>(
                key -> {
                    int load = loadsPerKey
                            .computeIfAbsent(key, k -> new AtomicInteger())
                            .incrementAndGet();
                    awaitUninterruptibly(release.get());
                    return key + " #" + load;
                },
                TTL,
                clock);
        List<String> keys = List.of("a", "b", "c", "d");

        Map<String, List<Object>> first = missTogether(cache, keys, 4, release.get());
        clock.advance(TTL);
        release.set(new CountDownLatch(1));
        Map<String, List<Object>> afterExpiry = missTogether(cache, keys, 4, release.get());

        for (String key : keys) {
            assertThat(first.get(key))
                    .as("what 4 threads that missed on \"%s\" at once got", key)
                    .containsOnly(key + " #1");
            assertThat(afterExpiry.get(key))
                    .as("what 4 threads that missed on \"%s\" at once, after it expired, got", key)
                    .containsOnly(key + " #2");
            assertThat(loadsPerKey.get(key))
                    .as("loader calls for \"%s\": 4 threads missed at once, twice (before and after expiry)", key)
                    .hasValue(2);
        }
    }

    @Hint("every thread that waited for a load that failed must get the very exception the loader threw")
    @Test
    void everyWaiterGetsTheSameExceptionInstance() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        ReadThroughCache<String, String> cache = new ReadThroughCache<>(
                key -> {
                    awaitUninterruptibly(release);
                    RuntimeException failure = new IllegalStateException("database is down");
                    thrown.set(failure);
                    throw failure;
                },
                TTL,
                clock);

        List<Object> outcomes = missTogether(cache, List.of("42"), 6, release).get("42");

        assertThat(outcomes)
                .as("what 6 threads waiting for one failing load of \"42\" got")
                .hasSize(6)
                .allSatisfy(outcome -> assertThat(outcome).isSameAs(thrown.get()));
    }

    /**
     * Starts {@code perKey} threads per key calling {@code get}, waits until every one is parked inside it (or
     * done), releases the loader, and returns what each got: the value, or the exception thrown.
     */
    private static Map<String, List<Object>> missTogether(
            ReadThroughCache<String, String> cache, List<String> keys, int perKey, CountDownLatch release)
            throws InterruptedException {
        Map<String, List<Object>> outcomes = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (String key : keys) {
            List<Object> results = java.util.Collections.synchronizedList(new ArrayList<>());
            outcomes.put(key, results);
            for (int i = 0; i < perKey; i++) {
                Thread thread = new Thread(
                        () -> {
                            try {
                                results.add(cache.get(key));
                            } catch (RuntimeException failure) {
                                results.add(failure);
                            }
                        },
                        "hidden-caller-" + key + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
        }
        threads.forEach(Thread::start);
        try {
            await("all callers parked inside get()")
                    .atMost(Duration.ofSeconds(5))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(2))
                    .pollInSameThread()
                    .until(() -> threads.stream().allMatch(thread -> PARKED.contains(thread.getState())));
        } finally {
            release.countDown();
        }
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        return outcomes;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the load", e);
        }
    }

    private static void remember(List<String> recent, String operation) {
        recent.add(operation);
        if (recent.size() > 8) {
            recent.remove(0);
        }
    }
}
