package io.prodev.labs.decorators.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.TestDatabases;
import io.prodev.labs.decorators.User;
import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("8")
@Hidden
class UserStreamsHiddenTest {

    /** What keeping the users would cost at the least: a User object and a reference to it each. */
    private static final long BYTES_PER_KEPT_USER = 24 + 4;

    @TempDir
    Path folder;

    @Hint("all, batches and pages must hand out exactly the table's rows in id order (ids may be 0 or negative),"
            + " one query per page, and leave no connection open")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void streamsAgreeWithAListModelOnRandomTables(long seed) throws Exception {
        Random random = new Random(seed);
        int pageSize = 1 + random.nextInt(9);
        int batchSize = 1 + random.nextInt(9);
        for (int rows : new int[] {0, 1, pageSize - 1, pageSize, pageSize + 1, 3 * pageSize, random.nextInt(60)}) {
            Path file = Files.createTempDirectory(folder, "table").resolve("users.db");
            Database database = Database.at(file);
            List<User> model = randomUsers(random, rows);
            TestDatabases.insert(database, model);
            model.sort(Comparator.comparingLong(User::id));
            String table = rows + " users (seed " + seed + ", pages of " + pageSize + ", batches of " + batchSize + ")";

            long before = database.rowsRead();
            assertThat(UserStreams.all(database).toList())
                    .as("all on %s", table)
                    .isEqualTo(model);
            assertThat(database.rowsRead() - before)
                    .as("rows read by all on %s", table)
                    .isEqualTo(rows);

            assertThat(UserStreams.batches(database, batchSize).toList())
                    .as("batches on %s", table)
                    .isEqualTo(chunks(model, batchSize));

            database.resetStatementCount();
            List<List<User>> expectedPages = chunks(model, pageSize);
            assertThat(UserStreams.pages(database, pageSize).toList())
                    .as("pages on %s", table)
                    .isEqualTo(expectedPages);
            assertThat(database.statementsExecuted())
                    .as("queries for the pages of %s (the full pages, then one that comes back short or empty)", table)
                    .isEqualTo(rows / pageSize + 1);

            assertThat(UserStreams.averageAge(database))
                    .as("averageAge on %s", table)
                    .isEqualTo(
                            rows == 0
                                    ? OptionalDouble.empty()
                                    : OptionalDouble.of(TestDatabases.sqlAverageAge(database)));
            assertThat(database.openConnections())
                    .as("connections open after it all on %s", table)
                    .isZero();
        }
    }

    @Hint("averageAge(Stream) must keep a running count and sum, not the users: memory must not grow with them")
    @Test
    void averageAgeOfAStreamKeepsNoUsers() {
        int count = 3_000_000;
        User[] few = new User[100];
        for (int i = 0; i < few.length; i++) {
            few[i] = new User(i, "User " + i, "user" + i + "@example.com", 18 + i % 63);
        }
        long baseline = retainedHeap();
        long[] retainedAtThreeQuarters = new long[1];
        Stream<User> users = LongStream.range(0, count).mapToObj(i -> {
            if (i == count * 3L / 4) {
                retainedAtThreeQuarters[0] = retainedHeap();
            }
            User pattern = few[(int) (i % few.length)];
            return new User(i, pattern.name(), pattern.email(), pattern.age());
        });

        OptionalDouble average = UserStreams.averageAge(users);

        double expected =
                LongStream.range(0, count).map(i -> 18 + i % 100 % 63).average().orElseThrow();
        assertThat(average).as("averageAge of %d generated users", count).hasValue(expected);
        long kept = count * 3L / 4 * BYTES_PER_KEPT_USER;
        assertThat(retainedAtThreeQuarters[0] - baseline)
                .as(
                        "heap retained (bytes) after 3/4 of %d users had streamed past (keeping them costs %d or more)",
                        count, kept)
                .isLessThan(kept / 8);
    }

    @Hint("averageAge(Database) must read every row once, as it goes, keeping none of them")
    @Test
    void averageAgeOfATableReadsEveryRowOnceInFlatMemory() throws SQLException {
        int count = 100_000;
        Database database = Database.at(folder.resolve("big.db"));
        Seeder.seed(database, count);
        Double expected = TestDatabases.sqlAverageAge(database);
        database.resetStatementCount();
        long before = database.rowsRead();
        long baseline = retainedHeap();
        long[] retainedAtThreeQuarters = new long[1];
        database.watchRows(read -> {
            if (read - before == count * 3L / 4) {
                retainedAtThreeQuarters[0] = retainedHeap();
            }
        });

        OptionalDouble average = UserStreams.averageAge(database);

        assertThat(average)
                .as("averageAge on %d users against SQL's AVG(age)", count)
                .hasValue(expected);
        assertThat(database.rowsRead() - before)
                .as("rows read for averageAge on %d users", count)
                .isEqualTo(count);
        assertThat(database.statementsExecuted())
                .as("statements for averageAge")
                .isEqualTo(1);
        long kept = count * 3L / 4 * (BYTES_PER_KEPT_USER + 2 * 40);
        assertThat(retainedAtThreeQuarters[0] - baseline)
                .as(
                        "heap retained (bytes) after 3/4 of %d rows were read (keeping the users costs %d or more)",
                        count, kept)
                .isLessThan(kept / 8);
        assertThat(database.openConnections()).as("connections open afterwards").isZero();
    }

    /** Heap in use after a full collection: what is still reachable. */
    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Users with distinct random ids (0 and negative ones too), in random order. */
    private static List<User> randomUsers(Random random, int count) {
        Set<Long> ids = new LinkedHashSet<>();
        while (ids.size() < count) {
            ids.add((long) random.nextInt(4 * count + 10) - count - 5);
        }
        List<User> users = new ArrayList<>();
        for (long id : ids) {
            users.add(new User(id, "User " + id, "user" + id + "@example.com", random.nextInt(100)));
        }
        return users;
    }

    private static List<List<User>> chunks(List<User> users, int size) {
        List<List<User>> chunks = new ArrayList<>();
        for (int from = 0; from < users.size(); from += size) {
            chunks.add(users.subList(from, Math.min(users.size(), from + size)));
        }
        return chunks;
    }
}
