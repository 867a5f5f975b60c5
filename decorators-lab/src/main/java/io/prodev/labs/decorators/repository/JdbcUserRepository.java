package io.prodev.labs.decorators.repository;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The repository itself: every call one parameterised statement on a connection of its own. */
public final class JdbcUserRepository implements UserRepository {

    // BEGIN SOLUTION: remove
    private final Database database;
    // END SOLUTION

    public JdbcUserRepository(Database database) {
        if (database == null) {
            throw new IllegalArgumentException("database must not be null");
        }
        // BEGIN SOLUTION
        this.database = database;
        // END SOLUTION
    }

    /** {@code SELECT * FROM users WHERE id = ?}: one statement. */
    @Override
    public Optional<User> findById(long id) throws SQLException {
        // BEGIN SOLUTION
        return database.users("SELECT * FROM users WHERE id = ?", List.of(id)).stream()
                .findFirst();
        // END SOLUTION
    }

    /** {@code SELECT * FROM users WHERE age > ? ORDER BY id}: one statement. */
    @Override
    public List<User> findOlderThan(int age) throws SQLException {
        // BEGIN SOLUTION
        return database.users("SELECT * FROM users WHERE age > ? ORDER BY id", List.of(age));
        // END SOLUTION
    }

    /** {@code INSERT OR REPLACE INTO users (id, name, email, age) VALUES (?, ?, ?, ?)}: one statement. */
    @Override
    public void save(User user) throws SQLException {
        if (user == null) {
            throw new IllegalArgumentException("user must not be null");
        }
        // BEGIN SOLUTION
        try (Connection connection = database.open();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT OR REPLACE INTO users (id, name, email, age) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, user.id());
            statement.setString(2, user.name());
            statement.setString(3, user.email());
            statement.setInt(4, user.age());
            statement.executeUpdate();
        }
        // END SOLUTION
    }
}
