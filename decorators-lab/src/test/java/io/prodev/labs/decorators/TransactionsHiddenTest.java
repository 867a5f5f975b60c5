package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("2")
@Hidden
class TransactionsHiddenTest {

    @TempDir
    Path folder;

    @Hint("a transaction keeps all of its work or none of it, and leaves the connection as it found it")
    @Test
    void randomTransactionsKeepAllOrNothing() throws SQLException {
        Database database = Database.at(folder.resolve("model.db"));
        Random random = new Random(99);
        TreeSet<Long> model = new TreeSet<>();
        long next = 1;
        try (Connection connection = database.open()) {
            for (int round = 0; round < 60; round++) {
                List<Long> ids = new ArrayList<>();
                for (int k = random.nextInt(5); k >= 0; k--) {
                    ids.add(next++);
                }
                int failAt = random.nextInt(3) == 0 ? random.nextInt(ids.size()) : -1;
                ConnectionWork<Object> work = Transactions.transactional(c -> {
                    for (int i = 0; i < ids.size(); i++) {
                        if (i == failAt) {
                            throw new SQLException("fails before insert " + i);
                        }
                        TestDatabases.insert(c, ids.get(i));
                    }
                    return null;
                });
                try {
                    work.apply(connection);
                    model.addAll(ids);
                } catch (SQLException expected) {
                    // rolled back
                }
                assertThat(connection.getAutoCommit())
                        .as("auto-commit after round %d", round)
                        .isTrue();
            }
        }
        TreeSet<Long> stored = new TreeSet<>();
        try (Connection connection = database.open();
                ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM users")) {
            while (rows.next()) {
                stored.add(rows.getLong(1));
            }
        }
        assertThat(stored)
                .as("ids stored after 60 random transactions, some failing half-way")
                .isEqualTo(model);
    }
}
