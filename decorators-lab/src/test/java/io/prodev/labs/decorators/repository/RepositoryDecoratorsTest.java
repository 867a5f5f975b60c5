package io.prodev.labs.decorators.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.User;
import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("5")
class RepositoryDecoratorsTest {

    @TempDir
    Path folder;

    private Database database;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void seed() throws SQLException {
        database = Database.at(folder.resolve("users.db"));
        Seeder.seed(database, 300);
        database.resetStatementCount();
    }

    @Test
    void theJdbcRepositoryFindsAndSavesWithOneStatementEach() throws SQLException {
        UserRepository users = new JdbcUserRepository(database);

        Optional<User> seven = users.findById(7);
        Optional<User> none = users.findById(301);
        List<User> old = users.findOlderThan(78);
        users.save(new User(7, "Seven Renamed", "seven@example.com", 44));
        users.save(new User(400, "New User", "new@example.com", 20));
        int statements = database.statementsExecuted();

        assertThat(seven).as("findById(7)").map(User::id).hasValue(7L);
        assertThat(none).as("findById(301) of 300 users").isEmpty();
        assertThat(old).as("findOlderThan(78)").isNotEmpty().allMatch(user -> user.age() > 78);
        assertThat(old)
                .as("findOlderThan(78), in id order")
                .isSortedAccordingTo((a, b) -> Long.compare(a.id(), b.id()));
        assertThat(old)
                .as("findOlderThan(78), against the database's own count")
                .hasSize(database.users("SELECT * FROM users WHERE age > 78", List.of())
                        .size());
        assertThat(users.findById(7))
                .as("findById(7) after save replaced it")
                .hasValue(new User(7, "Seven Renamed", "seven@example.com", 44));
        assertThat(users.findById(400))
                .as("findById(400) after save inserted it")
                .isPresent();
        assertThat(statements).as("statements for 3 finds and 2 saves").isEqualTo(5);
    }

    @Test
    void loggingLogsEachCallBeforePassingItOn() throws SQLException {
        UserRepository users = new LoggingUserRepository(new JdbcUserRepository(database), log::add);

        Optional<User> seven = users.findById(7);
        List<User> older = users.findOlderThan(65);
        User saved = new User(500, "Logged", "logged@example.com", 33);
        users.save(saved);

        assertThat(seven)
                .as("findById(7) through the logging decorator")
                .map(User::id)
                .hasValue(7L);
        assertThat(older)
                .as("findOlderThan(65) through the logging decorator")
                .isEqualTo(new JdbcUserRepository(database).findOlderThan(65));
        assertThat(new JdbcUserRepository(database).findById(500))
                .as("user 500 after save through the logging decorator")
                .hasValue(saved);
        assertThat(log)
                .as("the log of findById(7), findOlderThan(65), save(...)")
                .containsExactly("findById(7)", "findOlderThan(65)", "save(" + saved + ")");
    }

    @Test
    void aFailingCallIsLoggedAndItsExceptionPassesThrough() {
        SQLException failure = new SQLException("database is locked");
        UserRepository users = new LoggingUserRepository(failing(failure), log::add);

        assertThatThrownBy(() -> users.findById(1))
                .as("findById on a failing repository")
                .isSameAs(failure);
        assertThat(log).as("the log after the failed call").containsExactly("findById(1)");
    }

    @Test
    void cachingAnswersARepeatedQuestionWithoutTheDatabase() throws SQLException {
        UserRepository users = new CachingUserRepository(new JdbcUserRepository(database));

        Optional<User> first = users.findById(7);
        Optional<User> second = users.findById(7);
        List<User> old = users.findOlderThan(70);
        List<User> oldAgain = users.findOlderThan(70);

        assertThat(second).as("the second findById(7)").isEqualTo(first);
        assertThat(oldAgain).as("the second findOlderThan(70)").isEqualTo(old);
        assertThat(database.statementsExecuted())
                .as("statements for two findById(7) and two findOlderThan(70)")
                .isEqualTo(2);
        users.findById(8);
        assertThat(database.statementsExecuted())
                .as("statements after findById(8), a new question")
                .isEqualTo(3);
    }

    @Test
    void aCachedListCannotBeChanged() throws SQLException {
        UserRepository users = new CachingUserRepository(new JdbcUserRepository(database));

        List<User> old = users.findOlderThan(70);

        assertThatThrownBy(() -> old.clear())
                .as("clearing a list the cache returned")
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void saveGoesThroughAndForgetsEverything() throws SQLException {
        UserRepository users = new CachingUserRepository(new JdbcUserRepository(database));
        users.findById(7);
        users.findOlderThan(70);

        users.save(new User(7, "Changed", "changed@example.com", 90));

        assertThat(users.findById(7))
                .as("findById(7) after save changed user 7")
                .map(User::name)
                .hasValue("Changed");
        assertThat(users.findOlderThan(70))
                .as("findOlderThan(70) after user 7 became 90")
                .extracting(User::id)
                .contains(7L);
        assertThat(database.statementsExecuted())
                .as("statements: 2 finds, 1 save, 2 finds again")
                .isEqualTo(5);
    }

    @Test
    void aFailureIsNeverRemembered() throws SQLException {
        AtomicInteger calls = new AtomicInteger();
        UserRepository flaky = new UserRepository() {
            @Override
            public Optional<User> findById(long id) throws SQLException {
                if (calls.incrementAndGet() == 1) {
                    throw new SQLException("database is locked");
                }
                return Optional.of(new User(id, "Found", "found@example.com", 20));
            }

            @Override
            public List<User> findOlderThan(int age) {
                return List.of();
            }

            @Override
            public void save(User user) {}
        };
        UserRepository users = new CachingUserRepository(flaky);

        assertThatThrownBy(() -> users.findById(1))
                .as("the first findById(1), which fails")
                .isInstanceOf(SQLException.class);
        assertThat(users.findById(1)).as("findById(1) again").isPresent();
        assertThat(calls).as("calls that reached the repository").hasValue(2);
    }

    @Test
    void timingReportsEveryCallWithItsDuration() throws SQLException {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        List<String> reports = new ArrayList<>();
        User found = new User(1, "Found", "found@example.com", 40);
        UserRepository slow = new UserRepository() {
            @Override
            public Optional<User> findById(long id) {
                nanos.addAndGet(2_000_000);
                return Optional.of(found);
            }

            @Override
            public List<User> findOlderThan(int age) throws SQLException {
                nanos.addAndGet(5_000_000);
                throw new SQLException("timeout");
            }

            @Override
            public void save(User user) {
                nanos.addAndGet(1_000);
            }
        };
        UserRepository users =
                new TimingUserRepository(slow, nanos::get, (method, time) -> reports.add(method + " " + time));

        assertThat(users.findById(1))
                .as("findById(1) through the timing decorator")
                .hasValue(found);
        assertThatThrownBy(() -> users.findOlderThan(1)).isInstanceOf(SQLException.class);
        users.save(new User(1, "a", "a@example.com", 1));

        assertThat(reports)
                .as("what the timing decorator reported for a 2 ms find, a 5 ms failing one and a 1 us save")
                .containsExactly("findById PT0.002S", "findOlderThan PT0.005S", "save PT0.000001S");
    }

    @Test
    void theOrderOfTheDecoratorsChangesWhatHappens() throws SQLException {
        UserRepository logThenCache =
                new LoggingUserRepository(new CachingUserRepository(new JdbcUserRepository(database)), log::add);
        logThenCache.findById(7);
        logThenCache.findById(7);
        assertThat(log).as("logging outside caching: both calls are logged").hasSize(2);

        log.clear();
        UserRepository cacheThenLog =
                new CachingUserRepository(new LoggingUserRepository(new JdbcUserRepository(database), log::add));
        cacheThenLog.findById(7);
        cacheThenLog.findById(7);
        assertThat(log)
                .as("logging inside caching: only the call that reached the database is logged")
                .hasSize(1);

        List<String> timed = new ArrayList<>();
        UserRepository timeThenCache = new TimingUserRepository(
                new CachingUserRepository(new JdbcUserRepository(database)), System::nanoTime, (m, t) -> timed.add(m));
        timeThenCache.findById(9);
        timeThenCache.findById(9);
        assertThat(timed).as("timing outside caching: cache hits are timed too").hasSize(2);
        timed.clear();
        UserRepository cacheThenTime = new CachingUserRepository(
                new TimingUserRepository(new JdbcUserRepository(database), System::nanoTime, (m, t) -> timed.add(m)));
        cacheThenTime.findById(9);
        cacheThenTime.findById(9);
        assertThat(timed)
                .as("timing inside caching: only the database call is timed")
                .hasSize(1);
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        UserRepository inner = new JdbcUserRepository(database);

        assertThatThrownBy(() -> new JdbcUserRepository(null))
                .as("new JdbcUserRepository(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
        assertThatThrownBy(() -> new LoggingUserRepository(null, log::add))
                .as("new LoggingUserRepository(null, sink)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inner");
        assertThatThrownBy(() -> new LoggingUserRepository(inner, null))
                .as("new LoggingUserRepository(inner, null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sink");
        assertThatThrownBy(() -> new CachingUserRepository(null))
                .as("new CachingUserRepository(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inner");
        assertThatThrownBy(() -> new TimingUserRepository(inner, null, (m, t) -> {}))
                .as("new TimingUserRepository(inner, null, report)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nanoTime");
        assertThatThrownBy(() -> inner.save(null))
                .as("save(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user");
    }

    private static UserRepository failing(SQLException failure) {
        return new UserRepository() {
            @Override
            public Optional<User> findById(long id) throws SQLException {
                throw failure;
            }

            @Override
            public List<User> findOlderThan(int age) throws SQLException {
                throw failure;
            }

            @Override
            public void save(User user) throws SQLException {
                throw failure;
            }
        };
    }
}
