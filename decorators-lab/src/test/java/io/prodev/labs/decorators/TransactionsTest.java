package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("2")
class TransactionsTest {

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void seed() throws SQLException {
        database = TestDatabases.seeded(folder);
    }

    @Test
    void workThatReturnsIsCommitted() throws SQLException {
        try (Connection connection = database.open()) {
            String result = Transactions.<String>transactional(c -> {
                        TestDatabases.insert(c, 1001);
                        TestDatabases.insert(c, 1002);
                        return "done";
                    })
                    .apply(connection);

            assertThat(result).as("what the transactional work returned").isEqualTo("done");
        }
        assertThat(TestDatabases.count(database))
                .as("users seen by another connection after two inserts were committed")
                .isEqualTo(TestDatabases.USERS + 2);
    }

    @Test
    void workIsCommittedEvenOnAConnectionAlreadyInManualCommitMode() throws SQLException {
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            Transactions.transactional(c -> {
                        TestDatabases.insert(c, 1003);
                        return null;
                    })
                    .apply(connection);

            assertThat(TestDatabases.count(database))
                    .as("users seen by another connection after the work returned (auto-commit was off before)")
                    .isEqualTo(TestDatabases.USERS + 1);
        }
    }

    @Test
    void autoCommitIsOffWhileTheWorkRuns() throws SQLException {
        try (Connection connection = database.open()) {
            boolean during =
                    Transactions.transactional(Connection::getAutoCommit).apply(connection);

            assertThat(during)
                    .as("getAutoCommit() inside the transactional work")
                    .isFalse();
        }
    }

    @Test
    void workThatThrowsIsRolledBackAndTheFailurePassesThrough() throws SQLException {
        for (Throwable failure :
                List.of(new SQLException("disk full"), new IllegalStateException("bug"), new AssertionError("error"))) {
            try (Connection connection = database.open()) {
                ConnectionWork<Object> work = Transactions.transactional(c -> {
                    TestDatabases.insert(c, 2001);
                    TestDatabases.insert(c, 2002);
                    if (failure instanceof SQLException sql) {
                        throw sql;
                    }
                    if (failure instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (Error) failure;
                });

                assertThatThrownBy(() -> work.apply(connection))
                        .as("applying transactional work that throws %s", failure)
                        .isSameAs(failure);
            }
            assertThat(TestDatabases.count(database))
                    .as(
                            "users after two inserts and then %s",
                            failure.getClass().getSimpleName())
                    .isEqualTo(TestDatabases.USERS);
        }
    }

    @Test
    void autoCommitIsRestoredAfterSuccessAndFailure() throws SQLException {
        try (Connection connection = database.open()) {
            Transactions.transactional(c -> 1).apply(connection);
            assertThat(connection.getAutoCommit())
                    .as("auto-commit after successful work (it was on)")
                    .isTrue();

            connection.setAutoCommit(false);
            assertThatThrownBy(() -> Transactions.transactional(c -> {
                                throw new SQLException("fails");
                            })
                            .apply(connection))
                    .isInstanceOf(SQLException.class);
            assertThat(connection.getAutoCommit())
                    .as("auto-commit after failed work (it was off)")
                    .isFalse();
            connection.rollback();
        }
    }

    @Test
    void itStacksUnderWithConnection() throws SQLException {
        SqlSupplier<Object> failing = Connections.withConnection(database, Transactions.transactional(c -> {
            TestDatabases.insert(c, 3001);
            throw new SQLException("second statement failed");
        }));
        SqlSupplier<Integer> succeeding = Connections.withConnection(database, Transactions.transactional(c -> {
            TestDatabases.insert(c, 3002);
            return 1;
        }));

        assertThatThrownBy(failing::get)
                .as("withConnection(transactional(work that fails))")
                .isInstanceOf(SQLException.class);
        succeeding.get();

        assertThat(TestDatabases.count(database))
                .as("users after a failed and a successful transaction, each on its own connection")
                .isEqualTo(TestDatabases.USERS + 1);
        assertThat(database.openConnections()).as("connections left open").isZero();
    }

    @Test
    void nullWorkIsRefusedByName() {
        assertThatThrownBy(() -> Transactions.transactional(null))
                .as("transactional(null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("work");
    }
}
