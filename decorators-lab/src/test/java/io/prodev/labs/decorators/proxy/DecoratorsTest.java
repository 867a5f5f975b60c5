package io.prodev.labs.decorators.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.TestDatabases;
import io.prodev.labs.decorators.User;
import io.prodev.labs.decorators.annotations.LogQueries;
import io.prodev.labs.decorators.annotations.Retry;
import io.prodev.labs.decorators.annotations.Transactional;
import io.prodev.labs.labkit.Task;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("6")
class DecoratorsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Database database;
    private RealUserService target;
    private UserService users;
    private final List<String> log = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void decorate() throws SQLException {
        database = TestDatabases.seeded(folder);
        target = new RealUserService(database);
        users = Decorators.decorate(UserService.class, target, new DecoratorOptions(log::add, CLOCK, sleeps::add));
    }

    @Test
    void logQueriesLogsTheSqlAndTheOtherArguments() throws SQLException {
        List<User> old = users.query("SELECT * FROM users\n WHERE age > ?", 78);

        assertThat(log)
                .as("the log of a @LogQueries call")
                .containsExactly("2026-12-03T09:15:00Z SELECT * FROM users WHERE age > ? [78]");
        assertThat(old)
                .as("its result, from the target")
                .isEqualTo(database.users("SELECT * FROM users WHERE age > ?", List.of(78)));
    }

    @Test
    void transactionalKeepsAllOrNothing() throws SQLException {
        try (Connection connection = database.open()) {
            assertThatThrownBy(() -> users.insertPair(connection, 900, 900))
                    .as("inserting user 900 twice in one @Transactional call")
                    .isInstanceOf(SQLException.class);
            assertThat(TestDatabases.count(database))
                    .as("users after the failed pair (the first insert rolled back)")
                    .isEqualTo(300);

            users.insertPair(connection, 901, 902);
            assertThat(TestDatabases.count(database))
                    .as("users after a pair that succeeded, seen from another connection")
                    .isEqualTo(302);
            assertThat(connection.getAutoCommit())
                    .as("auto-commit after the @Transactional calls")
                    .isTrue();
        }
    }

    @Test
    void retryCallsAgainWithTheSleeperBetween() throws SQLException {
        target.failuresLeft.set(2);

        int answer = users.flaky();

        assertThat(answer).as("the result of the third call").isEqualTo(42);
        assertThat(target.calls).as("calls that reached the target").hasValue(3);
        assertThat(sleeps)
                .as("what the sleeper was asked to wait, @Retry(delayMillis = 10)")
                .containsExactly(Duration.ofMillis(10), Duration.ofMillis(10));
    }

    @Test
    void retryGivesUpAfterItsAttempts() {
        target.failuresLeft.set(5);

        assertThatThrownBy(users::flaky)
                .as("flaky() failing 5 times with attempts = 3")
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getSuppressed())
                        .as("earlier failures, suppressed")
                        .hasSize(2));
        assertThat(target.calls).as("calls that reached the target").hasValue(3);
    }

    @Test
    void cacheResultAnswersARepeatedCallWithoutTheTarget() throws SQLException {
        List<User> first = users.olderThan(75);
        List<User> second = users.olderThan(75);
        users.olderThan(76);

        assertThat(second).as("the second olderThan(75)").isSameAs(first);
        assertThat(target.calls)
                .as("calls that reached the target for olderThan(75) twice and (76) once")
                .hasValue(2);
        assertThat(database.statementsExecuted()).as("statements executed").isEqualTo(2);
    }

    @Test
    void arraysAreComparedByContentAndNullIsRemembered() {
        int a = users.sum(new int[] {1, 2, 3});
        int b = users.sum(new int[] {1, 2, 3});
        users.nothing("k");
        String none = users.nothing("k");

        assertThat(a + b).as("two sums of {1, 2, 3}").isEqualTo(12);
        assertThat(none).as("the remembered null").isNull();
        assertThat(target.calls)
                .as("calls for sum twice on equal arrays and nothing(\"k\") twice")
                .hasValue(2);
    }

    @Test
    void aFailureIsNotRemembered() throws SQLException {
        target.failuresLeft.set(3);
        assertThatThrownBy(() -> users.everything("SELECT * FROM users WHERE age > ?", 79))
                .as("everything(...) failing 3 times with attempts = 3")
                .isInstanceOf(SQLException.class);

        List<User> found = users.everything("SELECT * FROM users WHERE age > ?", 79);

        assertThat(found).as("the call after the failure, made again").isNotEmpty();
        assertThat(target.calls).as("calls: 3 failing attempts, then 1").hasValue(4);
    }

    @Test
    void severalAnnotationsApplyInTheDocumentedOrder() throws SQLException {
        target.failuresLeft.set(1);
        users.everything("SELECT * FROM users WHERE age > ?", 79);
        users.everything("SELECT * FROM users WHERE age > ?", 79);

        assertThat(log)
                .as("@LogQueries outside @CacheResult: both calls logged, once each")
                .hasSize(2);
        assertThat(target.calls)
                .as("@CacheResult outside @Retry: a failing attempt, a good one, then a hit")
                .hasValue(2);

        try (Connection connection = database.open()) {
            assertThatThrownBy(() -> users.insertThenFail(connection, 950)).isInstanceOf(SQLException.class);
        }
        assertThat(target.calls)
                .as("calls of insertThenFail with @Retry(attempts = 2)")
                .hasValue(4);
        assertThat(TestDatabases.count(database))
                .as("users after two attempts, each a transaction rolled back")
                .isEqualTo(300);
    }

    @Test
    void otherMethodsAndObjectMethodsGoStraightToTheTarget() throws Exception {
        assertThat(users.plain()).as("plain(), not annotated").isEqualTo(1);
        assertThat(users.plain()).as("plain() again: not cached").isEqualTo(2);
        assertThat(users.toString()).as("toString() of the proxy").isEqualTo(target.toString());
        assertThat(users.hashCode()).as("hashCode() of the proxy").isEqualTo(target.hashCode());
        assertThat(log).as("the log after calls of methods without @LogQueries").isEmpty();
    }

    @Test
    void theTargetsExceptionReachesTheCallerUnwrapped() {
        Path missing = folder.resolve("missing.txt");

        assertThatThrownBy(() -> users.read(missing))
                .as("read() of a missing file through the proxy")
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void eachProxyHasACacheOfItsOwn() throws SQLException {
        UserService other =
                Decorators.decorate(UserService.class, target, new DecoratorOptions(log::add, CLOCK, sleeps::add));

        users.olderThan(70);
        other.olderThan(70);

        assertThat(target.calls)
                .as("calls of olderThan(70) through two proxies")
                .hasValue(2);
    }

    interface BadLog {
        @LogQueries
        void log(int notSql);
    }

    interface BadTransaction {
        @Transactional
        void work(String noConnection);
    }

    interface BadRetry {
        @Retry(attempts = 0)
        void work();
    }

    @Test
    void badUsesAreRefusedByName() {
        DecoratorOptions options = new DecoratorOptions(log::add, CLOCK, sleeps::add);

        assertThatThrownBy(() -> Decorators.decorate(null, target, options))
                .as("decorate(null, ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api");
        assertThatThrownBy(() -> Decorators.decorate(UserService.class, null, options))
                .as("decorate(api, null, ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target");
        assertThatThrownBy(() -> Decorators.decorate(RealUserService.class, target, options))
                .as("decorate(a class, ...)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RealUserService");
        assertThatThrownBy(() -> Decorators.decorate(BadLog.class, notSql -> {}, options))
                .as("@LogQueries on a method whose first parameter is an int")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log");
        assertThatThrownBy(() -> Decorators.decorate(BadTransaction.class, s -> {}, options))
                .as("@Transactional on a method without a Connection")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("work");
        assertThatThrownBy(() -> Decorators.decorate(BadRetry.class, () -> {}, options))
                .as("@Retry(attempts = 0)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
    }
}
