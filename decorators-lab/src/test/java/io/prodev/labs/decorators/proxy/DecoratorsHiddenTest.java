package io.prodev.labs.decorators.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.TestDatabases;
import io.prodev.labs.decorators.annotations.CacheResult;
import io.prodev.labs.decorators.annotations.LogQueries;
import io.prodev.labs.decorators.annotations.Retry;
import io.prodev.labs.decorators.annotations.Transactional;
import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("6")
@Hidden
class DecoratorsHiddenTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:15:00Z"), ZoneOffset.UTC);

    private final List<String> log = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final DecoratorOptions options = new DecoratorOptions(log::add, CLOCK, sleeps::add);

    /** Two cached methods with the same parameters, and one that is not cached. */
    public interface Lookup {
        @CacheResult
        String find(String key, int[] codes) throws SQLException;

        @CacheResult
        String other(String key, int[] codes) throws SQLException;

        String plain(String key, int[] codes) throws SQLException;
    }

    /** Answers with a running number, so a fresh answer and a remembered one differ; fails when told to. */
    static final class CountingLookup implements Lookup {
        final AtomicInteger calls = new AtomicInteger();
        boolean failNext;

        private String answer(String method, String key, int[] codes) throws SQLException {
            int call = calls.incrementAndGet();
            if (failNext) {
                failNext = false;
                throw new SQLException("database is locked");
            }
            return method + ":" + key + ":" + Arrays.toString(codes) + "#" + call;
        }

        @Override
        public String find(String key, int[] codes) throws SQLException {
            return answer("find", key, codes);
        }

        @Override
        public String other(String key, int[] codes) throws SQLException {
            return answer("other", key, codes);
        }

        @Override
        public String plain(String key, int[] codes) throws SQLException {
            return answer("plain", key, codes);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @Hint("@CacheResult remembers per method and per argument values (arrays by content, null too); a call that threw"
            + " is not remembered, and a method without it is always called")
    void cacheMatchesAModelOverRandomCalls(long seed) throws SQLException {
        CountingLookup target = new CountingLookup();
        Lookup lookup = Decorators.decorate(Lookup.class, target, options);
        Map<List<Object>, String> model = new HashMap<>();
        Random random = new Random(seed);
        String[] keys = {"a", "b", null};
        int[][] codes = {{}, {1}, {1, 2}, {2, 1}};

        for (int step = 0; step < 400; step++) {
            int method = random.nextInt(3);
            String key = keys[random.nextInt(keys.length)];
            int[] code = codes[random.nextInt(codes.length)].clone(); // equal content, never the same array
            boolean fail = random.nextInt(5) == 0;
            List<Object> modelKey = List.of(method, String.valueOf(key), Arrays.toString(code));
            String remembered = method == 2 ? null : model.get(modelKey);
            String call = (method == 0 ? "find" : method == 1 ? "other" : "plain") + "(" + key + ", "
                    + Arrays.toString(code) + ")";
            int callsBefore = target.calls.get();
            target.failNext = fail;
            String description = "step " + step + " (seed " + seed + "): " + call;

            if (remembered != null) {
                assertThat(invoke(lookup, method, key, code))
                        .as(description + ", answered before, returns the remembered answer")
                        .isEqualTo(remembered);
                assertThat(target.calls.get())
                        .as(description + ", answered before, does not reach the target")
                        .isEqualTo(callsBefore);
                target.failNext = false;
            } else if (fail) {
                assertThatThrownBy(() -> invoke(lookup, method, key, code))
                        .as(description + ", the target failing")
                        .isInstanceOf(SQLException.class);
            } else {
                String answer = invoke(lookup, method, key, code);
                assertThat(answer)
                        .as(description + ", not answered before, reaches the target")
                        .endsWith("#" + (callsBefore + 1));
                if (method != 2) {
                    model.put(modelKey, answer);
                }
            }
        }
    }

    private static String invoke(Lookup lookup, int method, String key, int[] codes) throws SQLException {
        return switch (method) {
            case 0 -> lookup.find(key, codes);
            case 1 -> lookup.other(key, codes);
            default -> lookup.plain(key, codes);
        };
    }

    @Test
    @Hint("Key the cache on a copy of the arguments: the caller may change its array after the call")
    void anArrayChangedAfterTheCallDoesNotChangeTheCache() throws SQLException {
        CountingLookup target = new CountingLookup();
        Lookup lookup = Decorators.decorate(Lookup.class, target, options);
        int[] codes = {1, 2};

        String first = lookup.find("a", codes);
        codes[0] = 9;
        String second = lookup.find("a", codes);
        String third = lookup.find("a", new int[] {1, 2});

        assertThat(second).as("find(a, [9, 2]) after find(a, [1, 2])").isNotEqualTo(first);
        assertThat(third).as("find(a, [1, 2]) again").isEqualTo(first);
        assertThat(target.calls).as("calls that reached the target").hasValue(2);
    }

    /** Methods whose annotations meet less usual signatures. */
    public interface Unusual {
        @Retry(attempts = 2, on = IOException.class)
        String read(Path file) throws IOException;

        @Transactional
        void insert(long id, Connection connection) throws SQLException;

        @Retry(attempts = 4, delayMillis = 5)
        void subtypeOfListed() throws SQLException;

        @Retry(attempts = 4)
        void notListed();

        @LogQueries
        String failing(String sql, String name) throws SQLException;

        @Transactional
        int countIn(Connection connection) throws SQLException;
    }

    static final class UnusualTarget implements Unusual {
        final AtomicInteger calls = new AtomicInteger();
        final List<Integer> logSizesSeen = new ArrayList<>();
        private final List<String> log;

        UnusualTarget(List<String> log) {
            this.log = log;
        }

        @Override
        public String read(Path file) throws IOException {
            throw new IOException("attempt " + calls.incrementAndGet() + " could not read " + file);
        }

        @Override
        public void insert(long id, Connection connection) throws SQLException {
            calls.incrementAndGet();
            TestDatabases.insert(connection, id);
            throw new SQLException("rejected after the insert");
        }

        @Override
        public void subtypeOfListed() throws SQLException {
            calls.incrementAndGet();
            throw new SQLTransientException("a subtype of SQLException");
        }

        @Override
        public void notListed() {
            calls.incrementAndGet();
            throw new IllegalStateException("not an SQLException");
        }

        @Override
        public int countIn(Connection connection) throws SQLException {
            calls.incrementAndGet();
            try (var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
                rows.next();
                return rows.getInt(1);
            }
        }

        @Override
        public String failing(String sql, String name) throws SQLException {
            calls.incrementAndGet();
            logSizesSeen.add(log.size());
            throw new SQLException("no such table: people");
        }
    }

    @Test
    @Hint("@Retry's `on` may list any exception type, checked or not: an IOException is retried, then thrown as it is")
    void aCheckedExceptionOfAnyTypeIsRetriedAndThrownUnwrapped(@TempDir Path folder) {
        UnusualTarget target = new UnusualTarget(log);
        Unusual unusual = Decorators.decorate(Unusual.class, target, options);

        assertThatThrownBy(() -> unusual.read(folder.resolve("missing.txt")))
                .as("read() failing twice with an IOException, @Retry(attempts = 2, on = IOException.class)")
                .isExactlyInstanceOf(IOException.class)
                .hasMessageStartingWith("attempt 2")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .as("the first failure, suppressed")
                        .singleElement()
                        .satisfies(first -> assertThat(first).hasMessageStartingWith("attempt 1")));
        assertThat(target.calls).as("calls that reached the target").hasValue(2);
    }

    @Test
    @Hint("@Transactional runs on the method's Connection parameter wherever it stands, not only the first")
    void transactionalFindsTheConnectionInAnyPosition(@TempDir Path folder) throws SQLException {
        Database database = TestDatabases.seeded(folder);
        Unusual unusual = Decorators.decorate(Unusual.class, new UnusualTarget(log), options);

        try (Connection connection = database.open()) {
            assertThatThrownBy(() -> unusual.insert(901, connection))
                    .as("insert(901, connection) failing after its insert")
                    .isInstanceOf(SQLException.class)
                    .hasMessage("rejected after the insert");
        }

        assertThat(TestDatabases.count(database))
                .as("users after the failed @Transactional insert (rolled back)")
                .isEqualTo(TestDatabases.USERS);
    }

    @Test
    @Hint("@Retry retries only the types in `on` (SQLException and its subtypes by default)")
    void onlyListedTypesAreRetried() {
        UnusualTarget target = new UnusualTarget(log);
        Unusual unusual = Decorators.decorate(Unusual.class, target, options);

        assertThatThrownBy(unusual::subtypeOfListed)
                .as("subtypeOfListed() throwing a subtype of SQLException, the default `on`")
                .isInstanceOf(SQLTransientException.class);
        assertThat(target.calls).as("calls with attempts = 4").hasValue(4);
        assertThat(sleeps)
                .as("waits between the 4 attempts, delayMillis = 5")
                .containsExactly(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(5));

        assertThatThrownBy(unusual::notListed)
                .as("notListed() throwing an IllegalStateException, not in `on`")
                .isExactlyInstanceOf(IllegalStateException.class);
        assertThat(target.calls).as("calls: 4, then 1 for the type not listed").hasValue(5);
    }

    @Test
    @Hint("@LogQueries writes its line before the call, so a call that fails is logged too")
    void theLogLineIsWrittenBeforeTheCallEvenWhenItFails() {
        UnusualTarget target = new UnusualTarget(log);
        Unusual unusual = Decorators.decorate(Unusual.class, target, options);

        assertThatThrownBy(() -> unusual.failing("SELECT * FROM people WHERE name = ?", "Abebe"))
                .as("a @LogQueries call whose target throws")
                .isInstanceOf(SQLException.class)
                .hasMessage("no such table: people");

        assertThat(log)
                .as("the log after the failed call")
                .containsExactly("2026-12-03T09:15:00Z SELECT * FROM people WHERE name = ? ['Abebe']");
        assertThat(target.logSizesSeen)
                .as("log lines the target saw when called")
                .containsExactly(1);
    }

    @Test
    @Hint("Check every method when the proxy is made, not when it is first called")
    void aBadMethodIsRefusedWhenTheProxyIsMadeEvenIfNeverCalled() {
        assertThatThrownBy(() -> Decorators.decorate(DecoratorsTest.BadRetry.class, () -> {}, options))
                .as("decorate(an interface with @Retry(attempts = 0))")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempts");
        assertThatThrownBy(() -> Decorators.decorate(UserService.class, new RealUserService(null), null))
                .as("decorate(..., null options)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options");
        assertThatThrownBy(() -> new Interceptor(null))
                .as("new Interceptor(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options");
    }

    public interface NegativeDelay {
        @Retry(delayMillis = -1)
        void work();
    }

    @Test
    void aNegativeDelayIsRefusedByName() {
        assertThatThrownBy(() -> Decorators.decorate(NegativeDelay.class, () -> {}, options))
                .as("@Retry(delayMillis = -1)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("work")
                .hasMessageContaining("delayMillis = -1");
    }

    @Test
    @Hint("equals, hashCode and toString go to the target; a method without annotations is called each time")
    void theInterceptorAloneCallsAMethodWithoutAnnotationsStraightThrough() throws Throwable {
        Interceptor interceptor = new Interceptor(options);
        AtomicInteger calls = new AtomicInteger();

        Object first = interceptor.intercept(
                Lookup.class.getMethod("plain", String.class, int[].class),
                new Object[] {"a", new int[0]},
                calls::incrementAndGet);
        Object second = interceptor.intercept(
                Lookup.class.getMethod("plain", String.class, int[].class),
                new Object[] {"a", new int[0]},
                calls::incrementAndGet);

        assertThat(List.of(first, second))
                .as("two calls of plain through the interceptor")
                .containsExactly(1, 2);
        assertThat(log).as("the log").isEmpty();
    }

    interface NotPublic {
        @CacheResult
        String echo(String value);
    }

    @Test
    @Hint("An interface that is not public (local or package-private) can be proxied too; calling its methods"
            + " reflectively needs setAccessible(true)")
    void anInterfaceThatIsNotPublicWorksToo() {
        AtomicInteger calls = new AtomicInteger();
        NotPublic proxy = Decorators.decorate(NotPublic.class, value -> value + calls.incrementAndGet(), options);

        assertThat(List.of(proxy.echo("a"), proxy.echo("a")))
                .as("echo(\"a\") twice through a proxy of a package-private interface")
                .containsExactly("a1", "a1");
    }

    @Test
    @Hint("Many threads may call one proxy at once: keep the cache in a ConcurrentHashMap")
    void manyThreadsGetTheRightAnswers() throws Exception {
        NotPublic proxy = Decorators.decorate(NotPublic.class, value -> "echo " + value, options);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                long seed = thread;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    List<String> wrong = new ArrayList<>();
                    for (int call = 0; call < 2_000; call++) {
                        String value = "v" + random.nextInt(50);
                        String answer = proxy.echo(value);
                        if (!answer.equals("echo " + value)) {
                            wrong.add(value + " -> " + answer);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS))
                        .as("wrong answers of a @CacheResult method called by 8 threads at once")
                        .isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface WrittenInAnotherOrder {
        @CacheResult
        @LogQueries
        String find(String sql, int age);
    }

    @Test
    @Hint("The order is fixed by the rules, not by the order the annotations are written in")
    void theOrderDoesNotDependOnHowTheAnnotationsAreWritten() {
        AtomicInteger calls = new AtomicInteger();
        WrittenInAnotherOrder proxy = Decorators.decorate(
                WrittenInAnotherOrder.class, (sql, age) -> sql + age + "#" + calls.incrementAndGet(), options);

        proxy.find("SELECT ?", 1);
        proxy.find("SELECT ?", 1);

        assertThat(log)
                .as("@CacheResult written above @LogQueries: the log still outside, both calls logged")
                .hasSize(2);
        assertThat(calls).as("calls that reached the target").hasValue(1);
    }

    @Test
    @Hint("A @Transactional method's result comes back to the caller once the transaction has committed")
    void aTransactionalMethodsResultComesBack(@TempDir Path folder) throws SQLException {
        Database database = TestDatabases.seeded(folder);
        Unusual unusual = Decorators.decorate(Unusual.class, new UnusualTarget(log), options);

        try (Connection connection = database.open()) {
            assertThat(unusual.countIn(connection))
                    .as("countIn(connection), @Transactional, on the seeded users")
                    .isEqualTo(TestDatabases.USERS);
        }
    }

    @Test
    @Hint("decorate(api, target) without options is decorate(api, target, DecoratorOptions.defaults())")
    void theTwoArgumentFormUsesTheDefaults() {
        AtomicInteger calls = new AtomicInteger();
        NotPublic proxy = Decorators.decorate(NotPublic.class, value -> value + calls.incrementAndGet());

        assertThat(List.of(proxy.echo("a"), proxy.echo("a"), proxy.echo("b")))
                .as("echo(a), echo(a), echo(b) through decorate(api, target): @CacheResult still applies")
                .containsExactly("a1", "a1", "b2");
    }
}
