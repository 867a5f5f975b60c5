package io.prodev.labs.decorators;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/** The tests' databases: a fresh SQLite file in a test's temporary folder, seeded with 300 users. */
public final class TestDatabases {

    public static final int USERS = 300;

    private TestDatabases() {}

    public static Database seeded(Path folder) throws SQLException {
        return seeded(folder, USERS);
    }

    /** A fresh database of {@code users} seeded users, its statement count back at 0. */
    public static Database seeded(Path folder, int users) throws SQLException {
        Database database = Database.at(folder.resolve("users.db"));
        Seeder.seed(database, users);
        database.resetStatementCount();
        return database;
    }

    /** The number of users, read on a connection of its own (what another client would see). */
    public static int count(Database database) throws SQLException {
        try (Connection connection = database.open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM users")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Inserts these users with parameters, in one transaction and one batch, then resets the statement count. */
    public static void insert(Database database, Collection<User> users) throws SQLException {
        try (Connection connection = database.open();
                var statement =
                        connection.prepareStatement("INSERT INTO users (id, name, email, age) VALUES (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (User user : users) {
                statement.setLong(1, user.id());
                statement.setString(2, user.name());
                statement.setString(3, user.email());
                statement.setInt(4, user.age());
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        }
        database.resetStatementCount();
    }

    /** The average age as SQLite's own {@code AVG} computes it (null on an empty table). */
    public static Double sqlAverageAge(Database database) throws SQLException {
        try (Connection connection = database.open();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT AVG(age) FROM users")) {
            rows.next();
            double average = rows.getDouble(1);
            return rows.wasNull() ? null : average;
        }
    }

    /** Inserts one user with this id, on the given connection. */
    public static void insert(Connection connection, long id) throws SQLException {
        try (var statement =
                connection.prepareStatement("INSERT INTO users (id, name, email, age) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, id);
            statement.setString(2, "Test User " + id);
            statement.setString(3, "test" + id + "@example.com");
            statement.setInt(4, 30);
            statement.executeUpdate();
        }
    }
}
