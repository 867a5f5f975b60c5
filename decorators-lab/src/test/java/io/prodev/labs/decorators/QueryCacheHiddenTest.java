package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("4")
@Hidden
class QueryCacheHiddenTest {

    static final String BY_NAME = "SELECT * FROM users WHERE name = ? ORDER BY id";

    @TempDir
    Path folder;

    Database database;
    QueryCache<List<User>> cache;

    @BeforeEach
    void seed() throws SQLException {
        database = TestDatabases.seeded(folder, 20);
        cache = QueryCache.caching(database::users);
    }

    int statementsOf(String sql, List<?> parameters) throws SQLException {
        int before = database.statementsExecuted();
        cache.run(sql, parameters);
        return database.statementsExecuted() - before;
    }

    /** One step of the model test: what it runs and whether it is a read. */
    record Step(String sql, List<Object> parameters, boolean read) {
        @Override
        public String toString() {
            return sql + " " + parameters;
        }
    }

    static Step randomStep(Random random) {
        int id = 1 + random.nextInt(24);
        return switch (random.nextInt(8)) {
            case 0, 1 ->
                new Step("SELECT * FROM users WHERE age >= ? ORDER BY id", List.of(20 + 10 * random.nextInt(5)), true);
            case 2, 3 -> new Step("SELECT * FROM users WHERE id = ?", List.of(1 + random.nextInt(6)), true);
            case 4 ->
                new Step(
                        "  select * from users where name like ? order by id",
                        List.of(random.nextBoolean() ? "A%" : "M%"),
                        true);
            case 5 ->
                new Step(
                        "UPDATE users SET age = ? WHERE id = ? RETURNING *",
                        List.of(18 + random.nextInt(60), id),
                        false);
            case 6 -> new Step("delete from users WHERE id = ? RETURNING *", List.of(id), false);
            default ->
                new Step(
                        "INSERT OR REPLACE INTO users (id, name, email, age) VALUES (?, ?, ?, ?) RETURNING *",
                        List.of(id, "Meron Haile", "model" + id + "@example.com", 18 + random.nextInt(60)),
                        false);
        };
    }

    @Hint("a read whose SQL and parameters were read before, with no write since, must not touch the database; a"
            + " write always must, and afterwards every read must run again and see it")
    @Test
    void randomReadsAndWritesHitTheDatabaseExactlyWhenTheyMust() throws SQLException {
        Random random = new Random(4);
        Set<List<Object>> cached = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            if (random.nextInt(40) == 0) {
                cache.invalidateAll();
                cached.clear();
                continue;
            }
            Step step = randomStep(random);
            int before = database.statementsExecuted();
            List<User> result = cache.run(step.sql(), step.parameters());
            int statements = database.statementsExecuted() - before;
            if (!step.read()) {
                assertThat(statements)
                        .as("step %d, the write %s: statements executed", i, step)
                        .isEqualTo(1);
                cached.clear();
                continue;
            }
            boolean hit = !cached.add(List.of(step.sql(), step.parameters()));
            assertThat(statements)
                    .as("step %d, the read %s (%s): statements executed", i, step, hit ? "cached" : "not cached")
                    .isEqualTo(hit ? 0 : 1);
            assertThat(result)
                    .as("step %d, the read %s: the users it returned", i, step)
                    .isEqualTo(database.users(step.sql(), step.parameters()));
        }
    }

    @Hint("a parameter is bound by the driver, whatever it holds, and is part of the key by its value")
    @Test
    void anInjectionAttemptAsAParameterStaysHarmless() throws SQLException {
        String attempt = "x' OR '1'='1";
        String drop = "'; DROP TABLE users; --";

        assertThat(cache.run(BY_NAME, List.of(attempt)))
                .as("users named %s", attempt)
                .isEmpty();
        assertThat(cache.run(BY_NAME, List.of(drop))).as("users named %s", drop).isEmpty();
        assertThat(statementsOf(BY_NAME, List.of(drop)))
                .as("statements of the second read of %s", drop)
                .isZero();
        assertThat(statementsOf(BY_NAME, List.of("x")))
                .as("statements of a read of 'x' after them")
                .isEqualTo(1);
        assertThat(database.users("SELECT * FROM users", List.of()))
                .as("the users left")
                .hasSize(20);
    }

    @Hint("the key must keep the parameters' values as they were at the call, whatever the caller does to its list or"
            + " array afterwards")
    @Test
    void changingTheParametersAfterTheCallDoesNotChangeTheKey() throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of("Abebe Tesfaye"));
        cache.run(BY_NAME, parameters);
        parameters.set(0, "Almaz Bekele");

        assertThat(statementsOf(BY_NAME, List.of("Abebe Tesfaye")))
                .as("statements of a read of ['Abebe Tesfaye'] after the caller changed its list")
                .isZero();
        assertThat(statementsOf(BY_NAME, List.of("Almaz Bekele")))
                .as("statements of a read of the list's new value ['Almaz Bekele']")
                .isEqualTo(1);

        String byBytes = "SELECT * FROM users WHERE CAST(name AS BLOB) = ?";
        byte[] bytes = {65, 66};
        cache.run(byBytes, List.of(bytes));
        bytes[0] = 90;
        assertThat(statementsOf(byBytes, List.of(new byte[] {65, 66})))
                .as("statements of a read of byte[]{65, 66} after the caller changed its array")
                .isZero();
        assertThat(statementsOf(byBytes, List.of(new byte[] {90, 66})))
                .as("statements of a read of the array's new content byte[]{90, 66}")
                .isEqualTo(1);
    }

    @Hint("only a statement whose first word, after white space and comments, is SELECT may be cached; anything else is"
            + " a write, and a write empties the cache even when it fails")
    @Test
    void onlyASelectIsARead() throws SQLException {
        String everyone = "SELECT * FROM users ORDER BY id";
        List<String> writes = List.of(
                "-- SELECT\nUPDATE users SET age = 40 WHERE id = ? RETURNING *",
                "/* SELECT */ UPDATE users SET age = 41 WHERE id = ? RETURNING *",
                "WITH one AS (SELECT 1) UPDATE users SET age = 42 WHERE id = ? RETURNING *",
                "/* a\n note */\n-- another\n  DELETE FROM users WHERE id = ? RETURNING *");
        for (String write : writes) {
            cache.run(everyone, List.of());
            assertThat(statementsOf(write, List.of(1)))
                    .as("statements of %s", write)
                    .isEqualTo(1);
            assertThat(statementsOf(write, List.of(1)))
                    .as("statements of %s a second time", write)
                    .isEqualTo(1);
            assertThat(statementsOf(everyone, List.of()))
                    .as("statements of a cached read after %s", write)
                    .isEqualTo(1);
        }

        cache.run(everyone, List.of());
        String failing = "UPDATE users SET age = -1 WHERE id = ? RETURNING *";
        assertThatThrownBy(() -> cache.run(failing, List.of(2)))
                .as("an UPDATE that breaks the age check")
                .isInstanceOf(SQLException.class);
        assertThat(statementsOf(everyone, List.of()))
                .as("statements of a cached read after a write that failed")
                .isEqualTo(1);
    }

    @Hint("two different parameter lists may have the same hash code: a key must compare its values, not only hash"
            + " them")
    @Test
    void parametersWithTheSameHashCodeAreTwoKeys() throws SQLException {
        assertThat("Aa".hashCode()).as("the test's premise").isEqualTo("BB".hashCode());

        assertThat(statementsOf(BY_NAME, List.of("Aa")))
                .as("statements for name = 'Aa'")
                .isEqualTo(1);
        assertThat(statementsOf(BY_NAME, List.of("BB")))
                .as("statements for name = 'BB' after 'Aa' (same hash code, other value)")
                .isEqualTo(1);
    }

    @Hint("a comment ends at the end of its line: what follows it is the statement's first word")
    @Test
    void aLineCommentRightBeforeTheSelectStillMakesARead() throws SQLException {
        String commented = "-- by name\nSELECT * FROM users WHERE name = ?";

        statementsOf(commented, List.of("Abebe"));

        assertThat(statementsOf(commented, List.of("Abebe")))
                .as("statements for the second run of \"-- by name\\nSELECT ...\"")
                .isZero();
    }

    @Hint("a statement of nothing but white space and comments has no first word: it is not a read")
    @Test
    void aStatementOfOnlyCommentsIsAWrite() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        QueryCache<Integer> counting = QueryCache.caching((sql, parameters) -> runs.incrementAndGet());

        for (String sql : List.of("  ", "-- nothing", "/* nothing */", "/* never closed")) {
            counting.run(sql, List.of());
            counting.run(sql, List.of());
        }

        assertThat(runs).as("runs of 4 statements without a word, twice each").hasValue(8);
    }

    @Hint("a write's own result comes back to the caller")
    @Test
    void aWritesResultComesBack() throws SQLException {
        List<User> changed = cache.run("UPDATE users SET age = 33 WHERE id = ? RETURNING *", List.of(2));

        assertThat(changed)
                .as("the rows an UPDATE ... RETURNING * gave")
                .extracting(User::age)
                .containsExactly(33);
    }
}
