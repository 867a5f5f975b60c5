package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The concurrency rules, made deterministic: a query that holds its first run on a latch until the test has made the
 * other side of the race happen.
 */
@Task("4")
@Hidden
class QueryCacheConcurrencyHiddenTest {

    static final String BY_AGE = "SELECT * FROM users WHERE age >= ? ORDER BY id";

    @TempDir
    Path folder;

    Database database;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void seed() throws SQLException {
        database = TestDatabases.seeded(folder, 20);
    }

    @AfterEach
    void releaseTheHeldRun() {
        release.countDown();
    }

    /** Runs {@code call} on a new thread. */
    static <V> FutureTask<V> start(Callable<V> call) {
        FutureTask<V> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "query-cache-test");
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 5 s for " + what);
            }
            Thread.yield();
        }
    }

    /** Whether {@code thread} waits for something: a lock, a future, a condition. */
    static boolean parked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }

    void holdOnLatch() throws SQLException {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted");
        }
    }

    @Hint("concurrent identical reads must run the query once: the later ones wait for the first one's result")
    @Test
    void concurrentIdenticalReadsRunTheQueryOnce() throws Exception {
        QueryCache<List<User>> cache = QueryCache.caching((sql, parameters) -> {
            runs.incrementAndGet();
            holdOnLatch();
            return database.users(sql, parameters);
        });
        FutureTask<List<User>> first = start(() -> cache.run(BY_AGE, List.of(30)));
        await(() -> runs.get() == 1, "the first read to start its query");
        Thread[] second = new Thread[1];
        FutureTask<List<User>> secondRead = new FutureTask<>(() -> cache.run(BY_AGE, List.of(30)));
        second[0] = new Thread(secondRead, "query-cache-test");
        second[0].setDaemon(true);
        second[0].start();
        await(() -> runs.get() == 2 || parked(second[0]), "the second read to wait or to start its query");
        release.countDown();

        assertThat(secondRead.get(10, TimeUnit.SECONDS))
                .as("the second read's users")
                .isEqualTo(first.get(10, TimeUnit.SECONDS));
        assertThat(runs)
                .as("times the query ran for two identical concurrent reads")
                .hasValue(1);
    }

    @Hint("a read must not wait for a read of another key")
    @Test
    void readsOfDifferentKeysDoNotWaitForEachOther() throws Exception {
        QueryCache<List<User>> cache = QueryCache.caching((sql, parameters) -> {
            if (parameters.equals(List.of(30))) {
                runs.incrementAndGet();
                holdOnLatch();
            }
            return database.users(sql, parameters);
        });
        FutureTask<List<User>> held = start(() -> cache.run(BY_AGE, List.of(30)));
        await(() -> runs.get() == 1, "the read of [30] to start its query");

        FutureTask<List<User>> other = start(() -> cache.run(BY_AGE, List.of(40)));
        try {
            assertThat(other.get(5, TimeUnit.SECONDS))
                    .as("the read of [40] while the read of [30] runs")
                    .isEqualTo(database.users(BY_AGE, List.of(40)));
        } catch (TimeoutException e) {
            fail("a read of [40] waited 5 s for a read of [30] that was still running");
        }
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
    }

    @Hint("when the read others wait for fails, nothing is cached and the waiting callers must still get a result")
    @Test
    void whenTheRunningReadFailsAWaitingCallerRunsTheQueryItself() throws Exception {
        QueryCache<List<User>> cache = QueryCache.caching((sql, parameters) -> {
            if (runs.incrementAndGet() == 1) {
                holdOnLatch();
                throw new SQLException("the first run fails");
            }
            return database.users(sql, parameters);
        });
        FutureTask<List<User>> first = start(() -> cache.run(BY_AGE, List.of(30)));
        await(() -> runs.get() == 1, "the first read to start its query");
        Thread[] second = new Thread[1];
        FutureTask<List<User>> secondRead = new FutureTask<>(() -> cache.run(BY_AGE, List.of(30)));
        second[0] = new Thread(secondRead, "query-cache-test");
        second[0].setDaemon(true);
        second[0].start();
        await(() -> runs.get() == 2 || parked(second[0]), "the second read to wait or to start its query");
        release.countDown();

        try {
            first.get(10, TimeUnit.SECONDS);
            fail("the first read, whose query threw, returned");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).as("the first read's exception").hasMessage("the first run fails");
        }
        try {
            assertThat(secondRead.get(10, TimeUnit.SECONDS))
                    .as("the users of the read that waited for the failed one")
                    .isEqualTo(database.users(BY_AGE, List.of(30)));
        } catch (ExecutionException e) {
            fail("the read that waited for a failed one threw " + e.getCause());
        }
    }

    @Hint("a result read before or while a write runs must not be served after that write")
    @Test
    void aReadThatOverlapsAWriteIsNotKept() throws Exception {
        String byId = "SELECT * FROM users WHERE id = ?";
        CountDownLatch readDone = new CountDownLatch(1);
        QueryCache<List<User>> cache = QueryCache.caching((sql, parameters) -> {
            List<User> users = database.users(sql, parameters);
            if (sql.equals(byId) && runs.incrementAndGet() == 1) {
                readDone.countDown();
                holdOnLatch();
            }
            return users;
        });
        FutureTask<List<User>> read = start(() -> cache.run(byId, List.of(1)));
        assertThat(readDone.await(10, TimeUnit.SECONDS)).as("the read ran").isTrue();

        FutureTask<List<User>> write =
                start(() -> cache.run("UPDATE users SET age = 77 WHERE id = ? RETURNING *", List.of(1)));
        try {
            write.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // a design may make the write wait for the read: then only the end state is judged
        }
        release.countDown();
        read.get(10, TimeUnit.SECONDS);
        write.get(10, TimeUnit.SECONDS);

        assertThat(cache.run(byId, List.of(1)).get(0).age())
                .as("user 1's age read through the cache after UPDATE age = 77 ended")
                .isEqualTo(77);
    }

    @Hint("a result read while a write runs must not be served after that write")
    @Test
    void aReadWhileAWriteRunsIsNotKept() throws Exception {
        String byId = "SELECT * FROM users WHERE id = ?";
        QueryCache<List<User>> cache = QueryCache.caching((sql, parameters) -> {
            if (!sql.equals(byId)) {
                runs.incrementAndGet();
                holdOnLatch();
            }
            return database.users(sql, parameters);
        });
        FutureTask<List<User>> write =
                start(() -> cache.run("UPDATE users SET age = 77 WHERE id = ? RETURNING *", List.of(1)));
        await(() -> runs.get() == 1, "the write to start");

        FutureTask<List<User>> read = start(() -> cache.run(byId, List.of(1)));
        try {
            read.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // a design may make the read wait for the write: then only the end state is judged
        }
        release.countDown();
        write.get(10, TimeUnit.SECONDS);
        read.get(10, TimeUnit.SECONDS);

        assertThat(cache.run(byId, List.of(1)).get(0).age())
                .as("user 1's age read through the cache after UPDATE age = 77 ended")
                .isEqualTo(77);
    }
}
