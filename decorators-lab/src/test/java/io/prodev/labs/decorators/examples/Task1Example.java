package io.prodev.labs.decorators.examples;

import io.prodev.labs.decorators.Connections;
import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.SqlSupplier;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The example of task 1 in README.md (grader check compares it, and its output, with the README). */
public final class Task1Example {

    private Task1Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        Database database = Database.at(Files.createTempDirectory("users").resolve("users.db"));
        Seeder.seed(database, 300);
        SqlSupplier<Integer> countUsers = Connections.withConnection(database, connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        SqlSupplier<Integer> broken = Connections.withConnection(database, connection -> {
            throw new SQLException("no such table: userz");
        });

        System.out.println("users: " + countUsers.get());
        try {
            broken.get();
        } catch (SQLException e) {
            System.out.println("failed: " + e.getMessage());
        }
        System.out.println("connections left open: " + database.openConnections());
        // end::example[]
    }
}
