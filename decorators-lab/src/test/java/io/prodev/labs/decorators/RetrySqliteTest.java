package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A real transient failure: another connection holds a write transaction, so SQLite answers "database is locked"
 * until the sleeper (between attempts) lets it go.
 */
@Task("3")
class RetrySqliteTest {

    @TempDir
    Path folder;

    private Database database;
    private Connection holder;
    private final List<String> errors = new ArrayList<>();
    private int attempts;

    @BeforeEach
    void holdAWriteTransaction() throws Exception {
        database = TestDatabases.seeded(folder, 3);
        holder = database.open();
        holder.setAutoCommit(false);
        try (PreparedStatement update = holder.prepareStatement("UPDATE users SET age = age + 1 WHERE id = ?")) {
            update.setInt(1, 1);
            update.executeUpdate();
        }
    }

    @AfterEach
    void closeTheHolder() throws Exception {
        holder.close();
    }

    /** Inserts a user on a connection of its own that does not wait for locks: a lock held elsewhere fails it. */
    private long insertAbebe() throws SQLException {
        attempts++;
        try (Connection connection = database.open();
                Statement pragma = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO users (name, email, age) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            pragma.execute("PRAGMA busy_timeout = 0");
            insert.setString(1, "Abebe Bikila");
            insert.setString(2, "abebe@example.com");
            insert.setInt(3, 41);
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                errors.add(e.getMessage());
                throw e;
            }
            return 4;
        }
    }

    @Test
    void aLockedDatabaseIsRetriedUntilTheOtherWriterCommits() throws Exception {
        RecordingSleeper releasing = new RecordingSleeper(sleeps -> {
            if (sleeps == 2) {
                try {
                    holder.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        RetryPolicy policy = RetryPolicy.of(4, Duration.ofMillis(50), SQLiteException.class)
                .withBackoff(2)
                .withSleeper(releasing);

        long id = Retry.retrying(this::insertAbebe, policy).get();

        assertThat(errors)
                .as("what the first two inserts met while another connection held a write transaction")
                .hasSize(2)
                .allSatisfy(message -> assertThat(message).contains("database is locked"));
        assertThat(attempts)
                .as("inserts tried; the lock is released during the 2nd sleep")
                .isEqualTo(3);
        assertThat(releasing.delays())
                .as("delays of 50 ms, factor 2")
                .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(id).isEqualTo(4);
        assertThat(database.users("SELECT * FROM users WHERE email = ?", List.of("abebe@example.com")))
                .as("the user the retried insert wrote")
                .extracting(User::name)
                .containsExactly("Abebe Bikila");
        assertThat(database.openConnections())
                .as("connections left open besides the holder")
                .isEqualTo(1);
    }

    @Test
    void aLockHeldThroughEveryAttemptEndsWithTheLastLockedError() {
        RecordingSleeper sleeper = new RecordingSleeper();
        RetryPolicy policy =
                RetryPolicy.of(3, Duration.ofMillis(10), SQLiteException.class).withSleeper(sleeper);

        Throwable thrown =
                catchThrowable(() -> Retry.retrying(this::insertAbebe, policy).get());

        assertThat(attempts)
                .as("inserts tried while the lock is never released, attempts 3")
                .isEqualTo(3);
        assertThat(thrown).as("thrown after 3 locked attempts").isInstanceOf(SQLiteException.class);
        assertThat(((SQLiteException) thrown).getResultCode())
                .as("its SQLite result code")
                .isEqualTo(SQLiteErrorCode.SQLITE_BUSY);
        assertThat(thrown.getSuppressed())
                .as("the two earlier locked errors, suppressed")
                .hasSize(2);
    }
}
