package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("0")
class QueryLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private final List<String> events = new ArrayList<>();

    @Test
    void logsTheSqlAndParametersBeforeTheQueryRuns() throws SQLException {
        Query<String> query = (sql, parameters) -> {
            events.add("ran");
            return "result";
        };

        String result = QueryLog.logQueries(query, events::add, CLOCK)
                .run("SELECT * FROM users WHERE age > ? AND name = ?", List.of(30, "Abebe"));

        assertThat(events)
                .as("what reached the log and the query, in order")
                .containsExactly(
                        "2026-12-03T09:15:00Z SELECT * FROM users WHERE age > ? AND name = ? [30, 'Abebe']", "ran");
        assertThat(result).as("the result of the logged query").isEqualTo("result");
    }

    @Test
    void theSqlIsLoggedOnOneLine() throws SQLException {
        QueryLog.logQueries((sql, parameters) -> null, events::add, CLOCK)
                .run("\n  SELECT name\n\tFROM users\r\n  WHERE id = ?  \n", List.of(7));

        assertThat(events)
                .as("the log line of SQL written over several lines with tabs")
                .containsExactly("2026-12-03T09:15:00Z SELECT name FROM users WHERE id = ? [7]");
    }

    @Test
    void nullAndNoParametersAreShown() throws SQLException {
        Query<Object> query = QueryLog.logQueries((sql, parameters) -> null, events::add, CLOCK);

        query.run("SELECT * FROM users", List.of());
        query.run("UPDATE users SET email = ? WHERE id = ?", Arrays.asList(null, 3L));

        assertThat(events)
                .as("log lines for no parameters, then a null and a long")
                .containsExactly(
                        "2026-12-03T09:15:00Z SELECT * FROM users []",
                        "2026-12-03T09:15:00Z UPDATE users SET email = ? WHERE id = ? [NULL, 3]");
    }

    @Test
    void theWrappedQueryGetsTheSameSqlAndParameters() throws SQLException {
        AtomicReference<String> seenSql = new AtomicReference<>();
        AtomicReference<List<?>> seenParameters = new AtomicReference<>();
        List<Object> parameters = List.of("  spaced  ", 1);
        String sql = "SELECT *\n FROM users WHERE name = ? AND id = ?";

        QueryLog.logQueries(
                        (s, p) -> {
                            seenSql.set(s);
                            seenParameters.set(p);
                            return null;
                        },
                        events::add,
                        CLOCK)
                .run(sql, parameters);

        assertThat(seenSql.get())
                .as("the SQL the wrapped query got (not the one-line form of the log)")
                .isSameAs(sql);
        assertThat(seenParameters.get())
                .as("the parameters the wrapped query got")
                .isSameAs(parameters);
    }

    @Test
    void aFailingQueryIsLoggedAndItsExceptionPassesThrough() {
        SQLException failure = new SQLException("no such table: userz");
        Query<Object> query = QueryLog.logQueries(
                (sql, parameters) -> {
                    throw failure;
                },
                events::add,
                CLOCK);

        assertThatThrownBy(() -> query.run("SELECT * FROM userz", List.of()))
                .as("running a logged query that fails")
                .isSameAs(failure);
        assertThat(events)
                .as("the log after the failed query")
                .containsExactly("2026-12-03T09:15:00Z SELECT * FROM userz []");
    }

    @Test
    void everyCallIsOneLineWithTheTimeOfThatCall() throws SQLException {
        Instant[] now = {Instant.parse("2026-12-03T09:15:00Z")};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        Query<Object> query = QueryLog.logQueries((sql, parameters) -> null, events::add, moving);

        query.run("SELECT 1", List.of());
        now[0] = now[0].plusSeconds(90);
        query.run("SELECT 1", List.of());

        assertThat(events)
                .as("two calls 90 s apart")
                .containsExactly("2026-12-03T09:15:00Z SELECT 1 []", "2026-12-03T09:16:30Z SELECT 1 []");
    }

    @Test
    void logsQueriesOnTheRealDatabaseAndParametersStayParameters() throws SQLException {
        Database database = TestDatabases.seeded(folder);
        Query<List<User>> users = QueryLog.logQueries(database::users, events::add, CLOCK);

        List<User> found = users.run("SELECT * FROM users WHERE id = ?", List.of(1));
        List<User> injected = users.run("SELECT * FROM users WHERE name = ?", List.of("x' OR '1'='1"));

        assertThat(found).as("users with id 1").extracting(User::id).containsExactly(1L);
        assertThat(injected)
                .as("users named x' OR '1'='1 (an injection attempt, bound as a value)")
                .isEmpty();
        assertThat(TestDatabases.count(database))
                .as("users in the table afterwards")
                .isEqualTo(TestDatabases.USERS);
        assertThat(events.get(1))
                .as("the log line of the injection attempt")
                .isEqualTo("2026-12-03T09:15:00Z SELECT * FROM users WHERE name = ? ['x' OR '1'='1']");
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        Query<Object> query = (sql, parameters) -> null;

        assertThatThrownBy(() -> QueryLog.logQueries(null, events::add, CLOCK))
                .as("logQueries(null, sink, clock)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> QueryLog.logQueries(query, null, CLOCK))
                .as("logQueries(query, null, clock)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sink");
        assertThatThrownBy(() -> QueryLog.logQueries(query, events::add, null))
                .as("logQueries(query, sink, null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clock");
    }
}
