package io.prodev.labs.decorators.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.TestDatabases;
import io.prodev.labs.decorators.User;
import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("8")
class UserStreamsTest {

    @TempDir
    Path folder;

    private Database database;
    private List<User> everyone;

    @BeforeEach
    void seed() throws SQLException {
        database = TestDatabases.seeded(folder);
        everyone = database.users("SELECT * FROM users ORDER BY id", List.of());
        database.resetStatementCount();
    }

    @Test
    void allStreamsEveryUserInIdOrderAndClosesAtTheEnd() {
        List<User> streamed = new ArrayList<>();
        UserStreams.all(database).forEach(streamed::add);

        assertThat(streamed).as("all(database) on the 300 seeded users").isEqualTo(everyone);
        assertThat(database.statementsExecuted())
                .as("statements all(database) ran")
                .isEqualTo(1);
        assertThat(database.openConnections())
                .as("connections open after the last row was read, without close()")
                .isZero();
    }

    @Test
    void nothingIsOpenedBeforeTheFirstElementIsAskedFor() {
        try (Stream<User> users = UserStreams.all(database);
                Stream<List<User>> batches = UserStreams.batches(database, 10);
                Stream<List<User>> pages = UserStreams.pages(database, 10)) {
            assertThat(database.openConnections())
                    .as("connections open after all, batches and pages were called, before any element")
                    .isZero();
            assertThat(database.statementsExecuted())
                    .as("statements run before any element was asked for")
                    .isZero();
        }
    }

    @Test
    void rowsAreReadAsTheyAreConsumedNotUpFront() {
        long before = database.rowsRead();
        List<Integer> openWhileReading = new ArrayList<>();
        List<User> firstFive;
        try (Stream<User> users = UserStreams.all(database)) {
            firstFive = users.peek(user -> openWhileReading.add(database.openConnections()))
                    .limit(5)
                    .toList();
        }

        assertThat(firstFive).as("all(database).limit(5)").isEqualTo(everyone.subList(0, 5));
        assertThat(database.rowsRead() - before)
                .as("rows read from the result set for all(database).limit(5) of 300 (one read ahead at most)")
                .isBetween(5L, 6L);
        assertThat(openWhileReading)
                .as("connections open while the stream was handing out users")
                .containsOnly(1);
        assertThat(database.openConnections())
                .as("connections open after the stream was closed after limit(5)")
                .isZero();
    }

    @Test
    void eachUserIsReadOnlyWhenItIsAskedFor() {
        long before = database.rowsRead();
        try (Stream<User> users = UserStreams.all(database)) {
            Iterator<User> iterator = users.iterator();
            for (int asked = 1; asked <= 3; asked++) {
                iterator.next();
                assertThat(database.rowsRead() - before)
                        .as("rows read after %d users were taken from the stream's iterator", asked)
                        .isBetween((long) asked, asked + 1L);
            }
        }
    }

    @Test
    void aConsumerThatThrowsMidStreamLeavesNoConnectionOpenOnceTheStreamIsClosed() {
        IllegalStateException failure = new IllegalStateException("the consumer gave up at user 10");

        assertThatThrownBy(() -> {
                    try (Stream<User> users = UserStreams.all(database)) {
                        users.forEach(user -> {
                            if (user.id() == 10) {
                                throw failure;
                            }
                        });
                    }
                })
                .as("a try-with-resources over all(database) whose consumer throws at user 10")
                .isSameAs(failure);
        assertThat(database.openConnections())
                .as("connections open after the stream was closed")
                .isZero();
    }

    @Test
    void closingIsSafeBeforeAnyElementAndTwice() {
        Stream<User> unused = UserStreams.all(database);
        unused.close();
        unused.close();
        Stream<User> started = UserStreams.all(database);
        started.iterator().next();
        started.close();
        started.close();

        assertThat(database.openConnections())
                .as("connections open after closing an unused and a started stream, twice each")
                .isZero();
    }

    @Test
    void anSqlFailureSurfacesUncheckedWithItsCause() throws SQLException {
        execute("DROP TABLE users");

        for (String call : List.of("all", "batches", "pages")) {
            assertThatThrownBy(() -> {
                        try (Stream<?> stream = switch (call) {
                            case "all" -> UserStreams.all(database);
                            case "batches" -> UserStreams.batches(database, 10);
                            default -> UserStreams.pages(database, 10);
                        }) {
                            stream.findFirst();
                        }
                    })
                    .as("%s(...).findFirst() when the users table is gone", call)
                    .isInstanceOf(UncheckedSqlException.class)
                    .hasCauseInstanceOf(SQLException.class)
                    .hasMessageContaining("no such table");
            assertThat(database.openConnections())
                    .as("connections open after %s failed and was closed", call)
                    .isZero();
        }
    }

    @Test
    void batchesHoldTheRowsInOrderInListsOfTheSize() {
        List<List<User>> batches;
        try (Stream<List<User>> stream = UserStreams.batches(database, 64)) {
            batches = stream.toList();
        }

        assertThat(batches.stream().map(List::size))
                .as("sizes of batches(database, 64) over 300 users")
                .containsExactly(64, 64, 64, 64, 44);
        assertThat(batches.stream().flatMap(List::stream))
                .as("the batches' users, one after the other")
                .containsExactlyElementsOf(everyone);
    }

    @Test
    void sizeOneIsTheSmallestBatchAndPage() {
        try (Stream<List<User>> batches = UserStreams.batches(database, 1);
                Stream<List<User>> pages = UserStreams.pages(database, 1)) {
            assertThat(batches.limit(3))
                    .as("the first 3 batches of batches(database, 1)")
                    .containsExactly(everyone.subList(0, 1), everyone.subList(1, 2), everyone.subList(2, 3));
            assertThat(pages.limit(2))
                    .as("the first 2 pages of pages(database, 1)")
                    .containsExactly(everyone.subList(0, 1), everyone.subList(1, 2));
        }
    }

    @Test
    void aBatchIsReadOnlyWhenReachedAndClosingTheBatchesClosesTheRows() {
        long before = database.rowsRead();
        List<User> first;
        try (Stream<List<User>> batches = UserStreams.batches(database, 10)) {
            first = batches.findFirst().orElseThrow();
            assertThat(database.rowsRead() - before)
                    .as("rows read for the first batch of 10 (one read ahead at most)")
                    .isBetween(10L, 11L);
        }

        assertThat(first).as("the first batch of 10").isEqualTo(everyone.subList(0, 10));
        assertThat(database.openConnections())
                .as("connections open after the batch stream was closed")
                .isZero();
    }

    @Test
    void pagesRunOneQueryEachOnlyWhenReachedOnAConnectionOfTheirOwn() {
        List<Integer> openWhenHandedOn = new ArrayList<>();
        List<List<User>> firstTwo = UserStreams.pages(database, 50)
                .peek(page -> openWhenHandedOn.add(database.openConnections()))
                .limit(2)
                .toList();

        assertThat(firstTwo)
                .as("pages(database, 50).limit(2)")
                .containsExactly(everyone.subList(0, 50), everyone.subList(50, 100));
        assertThat(database.statementsExecuted())
                .as("statements run for the first two pages of 50")
                .isEqualTo(2);
        assertThat(openWhenHandedOn)
                .as("connections open while each page was handed on")
                .containsOnly(0);
    }

    @Test
    void pagesStopAfterTheFirstShortOrEmptyPage() {
        assertThat(UserStreams.pages(database, 120).map(List::size))
                .as("page sizes of pages(database, 120) over 300 users")
                .containsExactly(120, 120, 60);
        assertThat(database.statementsExecuted())
                .as("statements for pages of 120 over 300 users (the third page is short: no fourth query)")
                .isEqualTo(3);

        database.resetStatementCount();
        assertThat(UserStreams.pages(database, 100).map(List::size))
                .as("page sizes of pages(database, 100) over 300 users (no empty page)")
                .containsExactly(100, 100, 100);
        assertThat(database.statementsExecuted())
                .as("statements for pages of 100 over 300 users (the fourth finds nothing)")
                .isEqualTo(4);
    }

    @Test
    void aPageStartsAfterTheLastIdOfThePageBeforeEvenWhenEarlierRowsGo() throws SQLException {
        Iterator<List<User>> pages = UserStreams.pages(database, 50).iterator();
        List<User> first = pages.next();
        execute("DELETE FROM users WHERE id <= 5");
        List<User> second = pages.next();

        assertThat(first).as("the first page of 50").isEqualTo(everyone.subList(0, 50));
        assertThat(second)
                .as("the second page of 50, after users 1 to 5 were deleted once the first page was read")
                .isEqualTo(everyone.subList(50, 100));
    }

    @Test
    void anInjectionAttemptInAStoredNameComesBackAsData() throws SQLException {
        User attacker = new User(301, "x'); DROP TABLE users; --", "attacker@example.com", 33);
        TestDatabases.insert(database, List.of(attacker));

        List<User> last = UserStreams.pages(database, 100).reduce((a, b) -> b).orElseThrow();

        assertThat(last).as("the last page, after the attacker's row was added").endsWith(attacker);
        assertThat(UserStreams.all(database).filter(attacker::equals).count())
                .as("the attacker's row in all(database)")
                .isEqualTo(1);
        assertThat(TestDatabases.count(database))
                .as("users in the table afterwards")
                .isEqualTo(TestDatabases.USERS + 1);
    }

    @Test
    void averageAgeEqualsSqlAvgFromEveryRowAndLeavesNothingOpen() throws SQLException {
        Double expected = TestDatabases.sqlAverageAge(database);
        database.resetStatementCount();
        long before = database.rowsRead();

        OptionalDouble average = UserStreams.averageAge(database);

        assertThat(average).as("averageAge(database) against SQL's AVG(age)").hasValue(expected);
        assertThat(database.rowsRead() - before)
                .as("rows read by averageAge(database): every user's, not one AVG row")
                .isEqualTo(TestDatabases.USERS);
        assertThat(database.openConnections())
                .as("connections open after averageAge(database)")
                .isZero();
    }

    @Test
    void anEmptyTableHasNoAverageAge() throws SQLException {
        execute("DELETE FROM users");

        assertThat(TestDatabases.sqlAverageAge(database))
                .as("SQL's AVG(age) on an empty table")
                .isNull();
        assertThat(UserStreams.averageAge(database))
                .as("averageAge(database) on an empty table")
                .isEmpty();
        assertThat(UserStreams.averageAge(Stream.empty()))
                .as("averageAge(an empty stream)")
                .isEmpty();
    }

    @Test
    void averageAgeSumsInALongAndLeavesTheStreamToItsOwner() {
        AtomicBoolean closed = new AtomicBoolean();
        Stream<User> huge = Stream.of(
                        new User(1, "Old", "old1@example.com", Integer.MAX_VALUE),
                        new User(2, "Older", "old2@example.com", Integer.MAX_VALUE),
                        new User(3, "Young", "young@example.com", 1))
                .onClose(() -> closed.set(true));

        OptionalDouble average = UserStreams.averageAge(huge);

        assertThat(average)
                .as("averageAge of ages Integer.MAX_VALUE, Integer.MAX_VALUE and 1 (an int sum would overflow)")
                .hasValue((2.0 * Integer.MAX_VALUE + 1) / 3);
        assertThat(closed)
                .as("was the stream passed to averageAge(Stream) closed by it")
                .isFalse();
    }

    @Test
    void badInputIsRefusedByName() {
        assertThatThrownBy(() -> UserStreams.all(null))
                .as("all(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
        assertThatThrownBy(() -> UserStreams.batches(null, 10))
                .as("batches(null, 10)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
        assertThatThrownBy(() -> UserStreams.pages(null, 10))
                .as("pages(null, 10)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
        assertThatThrownBy(() -> UserStreams.averageAge((Database) null))
                .as("averageAge((Database) null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
        assertThatThrownBy(() -> UserStreams.averageAge((Stream<User>) null))
                .as("averageAge((Stream<User>) null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users");
        for (int bad : new int[] {0, -1}) {
            assertThatThrownBy(() -> UserStreams.batches(database, bad))
                    .as("batches(database, %d)", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("size")
                    .hasMessageContaining(String.valueOf(bad));
            assertThatThrownBy(() -> UserStreams.pages(database, bad))
                    .as("pages(database, %d)", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pageSize")
                    .hasMessageContaining(String.valueOf(bad));
        }
        assertThat(database.openConnections())
                .as("connections open after the refused calls")
                .isZero();
    }

    /** Runs one statement on a connection of its own, as another client would. */
    private void execute(String sql) throws SQLException {
        try (Connection connection = database.open();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
