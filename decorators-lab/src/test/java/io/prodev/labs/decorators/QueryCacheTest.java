package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("4")
class QueryCacheTest {

    static final String BY_AGE = "SELECT * FROM users WHERE age >= ? ORDER BY id";

    @TempDir
    Path folder;

    Database database;
    QueryCache<List<User>> cache;

    @BeforeEach
    void seed() throws SQLException {
        database = TestDatabases.seeded(folder, 20);
        cache = QueryCache.caching(database::users);
    }

    /** How many statements {@code cache.run(sql, parameters)} executed. */
    int statementsOf(String sql, List<?> parameters) throws SQLException {
        int before = database.statementsExecuted();
        cache.run(sql, parameters);
        return database.statementsExecuted() - before;
    }

    @Test
    void aSecondIdenticalReadRunsNoStatement() throws SQLException {
        List<User> first = cache.run(BY_AGE, List.of(30));
        int before = database.statementsExecuted();
        List<User> second = cache.run(BY_AGE, List.of(30));

        assertThat(database.statementsExecuted() - before)
                .as("statements executed by a second run(BY_AGE, [30])")
                .isZero();
        assertThat(second).as("the second run's result").isEqualTo(database.users(BY_AGE, List.of(30)));
        assertThat(second)
                .as("the second run returns the very list the first returned")
                .isSameAs(first);
    }

    @Test
    void theSqlTextIsTheKeyExactlyAsGiven() throws SQLException {
        cache.run(BY_AGE, List.of(30));

        assertThat(statementsOf(BY_AGE.replace("WHERE", "WHERE "), List.of(30)))
                .as("statements of the same read spelt with one more space (another key)")
                .isEqualTo(1);
        assertThat(statementsOf(BY_AGE.toLowerCase(), List.of(30)))
                .as("statements of the same read in lower case (another key)")
                .isEqualTo(1);
    }

    @Test
    void parametersAreComparedByValue() throws SQLException {
        cache.run(BY_AGE, List.of(30));

        assertThat(statementsOf(BY_AGE, List.of(31)))
                .as("statements of a read with [31] after [30]")
                .isEqualTo(1);
        assertThat(statementsOf(BY_AGE, new ArrayList<>(List.of(30))))
                .as("statements of a read with a new list equal to [30]")
                .isZero();
    }

    @Test
    void nullIsAParameterLikeAnyOther() throws SQLException {
        String sql = "SELECT * FROM users WHERE email IS ? ORDER BY id";
        cache.run(sql, Arrays.asList((Object) null));

        assertThat(statementsOf(sql, Arrays.asList((Object) null)))
                .as("statements of a second read with [null]")
                .isZero();
        assertThat(statementsOf(sql, List.of("x@example.com")))
                .as("statements of a read with ['x@example.com'] after [null]")
                .isEqualTo(1);
    }

    @Test
    void arraysAreComparedByContent() throws SQLException {
        String sql = "SELECT * FROM users WHERE CAST(name AS BLOB) = ?";
        String name = database.users("SELECT * FROM users WHERE id = 1", List.of())
                .get(0)
                .name();
        List<User> found = cache.run(sql, List.of(name.getBytes(StandardCharsets.UTF_8)));
        assertThat(found)
                .as("users whose name has the bytes of user 1's")
                .extracting(User::id)
                .containsExactly(1L);

        assertThat(statementsOf(sql, List.of(name.getBytes(StandardCharsets.UTF_8))))
                .as("statements of a read with a new byte[] of the same content")
                .isZero();
        assertThat(statementsOf(sql, List.of("nobody".getBytes(StandardCharsets.UTF_8))))
                .as("statements of a read with a byte[] of other content")
                .isEqualTo(1);
    }

    @Test
    void aWriteRunsEveryTimeAndEmptiesTheCache() throws SQLException {
        String byId = "SELECT * FROM users WHERE id = ?";
        int age = cache.run(byId, List.of(1)).get(0).age();
        String older = "UPDATE users SET age = age + 1 WHERE id = ? RETURNING *";

        assertThat(statementsOf(older, List.of(1)))
                .as("statements of an UPDATE through the cache")
                .isEqualTo(1);
        assertThat(statementsOf(older, List.of(1)))
                .as("statements of the same UPDATE a second time")
                .isEqualTo(1);
        int before = database.statementsExecuted();
        List<User> after = cache.run(byId, List.of(1));
        assertThat(database.statementsExecuted() - before)
                .as("statements of a read cached before the UPDATE, run after it")
                .isEqualTo(1);
        assertThat(after.get(0).age())
                .as("user 1's age read after two UPDATEs of age + 1")
                .isEqualTo(age + 2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "INSERT INTO users (id, name, email, age) VALUES (?, 'New User', 'new@example.com', 30) RETURNING *",
                "  \n\tinsert into users (id, name, email, age) VALUES (?, 'New User', 'new@example.com', 30) RETURNING *",
                "/* a note */ Replace INTO users (id, name, email, age) VALUES (?, 'New User', 'new@example.com', 30)"
                        + " RETURNING *",
                "-- a note\nDELETE FROM users WHERE id = ? RETURNING *"
            })
    void writesAreKnownInAnyCaseAfterWhiteSpaceAndComments(String write) throws SQLException {
        String everyone = "SELECT * FROM users ORDER BY id";
        cache.run(everyone, List.of());
        int id = write.contains("DELETE") ? 3 : 21;

        assertThat(statementsOf(write, List.of(id)))
                .as("statements of the write")
                .isEqualTo(1);
        assertThat(statementsOf(everyone, List.of()))
                .as("statements of a read cached before the write, run after it")
                .isEqualTo(1);
        assertThat(cache.run(everyone, List.of()))
                .as("the users read after the write")
                .isEqualTo(database.users(everyone, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "select * from users where id = ?",
                "\n  SELECT * FROM users WHERE id = ?",
                "/* by id */ SELECT * FROM users WHERE id = ?",
                "-- by id\n  Select * FROM users WHERE id = ?"
            })
    void readsAreKnownInAnyCaseAfterWhiteSpaceAndComments(String read) throws SQLException {
        cache.run(read, List.of(1));

        assertThat(statementsOf(read, List.of(1)))
                .as("statements of the same read a second time")
                .isZero();
    }

    @Test
    void aFailedQueryCachesNothingAndItsExceptionPassesThrough() throws SQLException {
        SQLException failure = new SQLException("database is locked");
        AtomicInteger runs = new AtomicInteger();
        QueryCache<String> flaky = QueryCache.caching((sql, parameters) -> {
            if (runs.incrementAndGet() == 1) {
                throw failure;
            }
            return "result " + runs.get();
        });

        assertThatThrownBy(() -> flaky.run("SELECT 1", List.of()))
                .as("the first run, whose query throws")
                .isSameAs(failure);
        assertThat(flaky.run("SELECT 1", List.of()))
                .as("the run after the failed one")
                .isEqualTo("result 2");
        assertThat(flaky.run("SELECT 1", List.of())).as("the run after that").isEqualTo("result 2");
        assertThat(runs)
                .as("times the query ran for three identical reads, the first failed")
                .hasValue(2);
    }

    @Test
    void invalidateAllForgetsEveryResult() throws SQLException {
        cache.run(BY_AGE, List.of(30));
        cache.run(BY_AGE, List.of(40));
        cache.invalidateAll();

        assertThat(statementsOf(BY_AGE, List.of(30)))
                .as("statements of [30] after invalidateAll()")
                .isEqualTo(1);
        assertThat(statementsOf(BY_AGE, List.of(40)))
                .as("statements of [40] after invalidateAll()")
                .isEqualTo(1);
        assertThat(statementsOf(BY_AGE, List.of(40)))
                .as("statements of [40] once more")
                .isZero();
    }

    @Test
    void badInputIsRefusedByName() {
        assertThatThrownBy(() -> QueryCache.caching(null))
                .as("caching(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> cache.run(null, List.of()))
                .as("run(null, [])")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sql");
        assertThatThrownBy(() -> cache.run(BY_AGE, null))
                .as("run(BY_AGE, null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters");
        assertThat(database.statementsExecuted())
                .as("statements executed by the refused runs")
                .isZero();
    }
}
