package io.prodev.labs.caching.readthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Many threads miss on one key at once. The loader blocks on a latch until every caller is parked
 * inside {@code get}, so the outcome does not depend on how the threads happen to be scheduled.
 */
@Task("6")
class ReadThroughCacheConcurrencyTest {

    private static final int CALLERS = 8;
    private static final Set<Thread.State> PARKED =
            EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.BLOCKED, Thread.State.TERMINATED);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void concurrentMissesForOneKeyCallTheLoaderOnce() {
        ReadThroughCache<String, String> cache = new ReadThroughCache<>(
                key -> {
                    loads.incrementAndGet();
                    awaitRelease();
                    return "listing " + key;
                },
                Duration.ofMinutes(5),
                clock);

        List<CompletableFuture<Object>> outcomes = callConcurrently(() -> cache.get("42"));

        assertThat(loads)
                .as("loader calls when %d threads missed on key \"42\" at the same time", CALLERS)
                .hasValue(1);
        assertThat(outcomes)
                .allSatisfy(outcome -> assertThat(outcome.join())
                        .as("what every waiting thread got from get(\"42\")")
                        .isEqualTo("listing 42"));
    }

    @Test
    void everyWaiterSeesTheLoaderFailureAndTheNextGetTriesAgain() {
        ReadThroughCache<String, String> cache = new ReadThroughCache<>(
                key -> {
                    if (loads.incrementAndGet() == 1) {
                        awaitRelease();
                        throw new IllegalStateException("database is down");
                    }
                    return "recovered";
                },
                Duration.ofMinutes(5),
                clock);

        List<CompletableFuture<Object>> outcomes = callConcurrently(() -> cache.get("42"));

        assertThat(outcomes)
                .allSatisfy(outcome -> assertThat(outcome.join())
                        .as("what each of %d threads waiting for one failing load got", CALLERS)
                        .isInstanceOf(IllegalStateException.class)
                        .extracting(failure -> ((Throwable) failure).getMessage())
                        .isEqualTo("database is down"));
        assertThat(loads)
                .as("loader calls for %d concurrent misses whose one load failed", CALLERS)
                .hasValue(1);
        assertThat(cache.get("42"))
                .as("get(\"42\") after the failed load must load again")
                .isEqualTo("recovered");
        assertThat(loads).hasValue(2);
    }

    /**
     * Runs {@code call} on {@link #CALLERS} threads, waits until all of them are parked inside it (or
     * done, for an implementation that does not wait), then releases the loader. Each outcome is the
     * value returned or the exception thrown.
     */
    private List<CompletableFuture<Object>> callConcurrently(Supplier<Object> call) {
        AtomicInteger entered = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<CompletableFuture<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            outcomes.add(outcome);
            threads.add(new Thread(
                    () -> {
                        entered.incrementAndGet();
                        try {
                            outcome.complete(call.get());
                        } catch (RuntimeException failure) {
                            outcome.complete(failure);
                        }
                    },
                    "read-through-caller-" + i));
        }
        threads.forEach(thread -> {
            thread.setDaemon(true);
            thread.start();
        });
        try {
            // Checked at once and then every few milliseconds: parking takes a moment, not Awaitility's default 100 ms.
            await("all " + CALLERS + " callers parked inside get()")
                    .atMost(Duration.ofSeconds(5))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(2))
                    .pollInSameThread()
                    .until(() -> entered.get() == CALLERS
                            && threads.stream().allMatch(thread -> PARKED.contains(thread.getState())));
        } finally {
            release.countDown();
        }
        threads.forEach(ReadThroughCacheConcurrencyTest::joinUninterruptibly);
        return outcomes;
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the load", e);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + thread.getName(), e);
        }
    }
}
