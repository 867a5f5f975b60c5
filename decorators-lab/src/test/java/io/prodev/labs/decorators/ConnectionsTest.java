package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("1")
class ConnectionsTest {

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void seed() throws SQLException {
        database = TestDatabases.seeded(folder);
    }

    @Test
    void theWorkGetsAnOpenConnectionThatIsClosedAfterwards() throws SQLException {
        List<Integer> openDuring = new ArrayList<>();
        SqlSupplier<Integer> count = Connections.withConnection(database, connection -> {
            openDuring.add(database.openConnections());
            try (var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
                rows.next();
                return rows.getInt(1);
            }
        });

        int users = count.get();

        assertThat(users).as("what the work returned").isEqualTo(TestDatabases.USERS);
        assertThat(openDuring).as("connections open while the work ran").containsExactly(1);
        assertThat(database.openConnections())
                .as("connections open after the call")
                .isZero();
    }

    @Test
    void nothingIsOpenedBeforeTheSupplierIsCalled() {
        Connections.withConnection(database, connection -> 1);

        assertThat(database.openConnections())
                .as("connections open after withConnection, before get()")
                .isZero();
    }

    @Test
    void everyCallHasAConnectionOfItsOwn() throws SQLException {
        List<Connection> seen = new ArrayList<>();
        SqlSupplier<Boolean> work = Connections.withConnection(database, connection -> {
            seen.add(connection);
            return connection.isClosed();
        });

        boolean firstClosedDuring = work.get();
        work.get();

        assertThat(firstClosedDuring)
                .as("was the connection closed while the work ran")
                .isFalse();
        assertThat(seen.get(0))
                .as("the second call's connection, against the first's")
                .isNotSameAs(seen.get(1));
        assertThat(seen.get(0).isClosed())
                .as("the first call's connection after its call")
                .isTrue();
    }

    @Test
    void theConnectionIsClosedWhenTheWorkFailsAndTheFailurePassesThrough() {
        for (Throwable failure : List.of(
                new SQLException("constraint failed"), new IllegalStateException("bug"), new AssertionError("error"))) {
            SqlSupplier<Object> work = Connections.withConnection(database, connection -> {
                if (failure instanceof SQLException sql) {
                    throw sql;
                }
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) failure;
            });

            assertThatThrownBy(work::get)
                    .as("get() when the work throws %s", failure)
                    .isSameAs(failure);
            assertThat(database.openConnections())
                    .as(
                            "connections open after the work threw %s",
                            failure.getClass().getSimpleName())
                    .isZero();
        }
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        assertThatThrownBy(() -> Connections.withConnection(null, connection -> 1))
                .as("withConnection(null, work)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
        assertThatThrownBy(() -> Connections.withConnection(database, null))
                .as("withConnection(database, null)")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("work");
    }
}
