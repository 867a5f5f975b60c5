package io.prodev.labs.decorators.examples;

import io.prodev.labs.decorators.ConnectionWork;
import io.prodev.labs.decorators.Connections;
import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.Transactions;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The example of task 2 in README.md (grader check compares it, and its output, with the README). */
public final class Task2Example {

    private Task2Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        Database database = Database.at(Files.createTempDirectory("users").resolve("users.db"));
        Seeder.seed(database, 300);
        ConnectionWork<Void> birthdays = connection -> {
            try (PreparedStatement older = connection.prepareStatement("UPDATE users SET age = age + 1 WHERE id = ?")) {
                older.setInt(1, 1);
                older.executeUpdate();
                older.setInt(1, 2);
                older.executeUpdate();
            }
            throw new SQLException("the second birthday card bounced");
        };
        ConnectionWork<Integer> sumOfAges = connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT SUM(age) FROM users")) {
                rows.next();
                return rows.getInt(1);
            }
        };

        int before = Connections.withConnection(database, sumOfAges).get();
        try {
            Connections.withConnection(database, Transactions.transactional(birthdays))
                    .get();
        } catch (SQLException e) {
            System.out.println("rolled back: " + e.getMessage());
        }
        int after = Connections.withConnection(database, sumOfAges).get();
        System.out.println("sum of ages changed by " + (after - before));
        // end::example[]
    }
}
