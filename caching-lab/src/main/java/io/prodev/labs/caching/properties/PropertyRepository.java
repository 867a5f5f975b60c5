package io.prodev.labs.caching.properties;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stores property listings in a SQLite database file with plain JDBC. Every statement is a
 * {@link java.sql.PreparedStatement} with {@code ?} parameters: values are never pasted into SQL.
 *
 * <p>Prices are stored as whole cents (an INTEGER), so no floating-point rounding ever touches money;
 * {@code createdAt} is stored as ISO-8601 text. Each call opens its own connection, so one repository
 * can be used by many threads (SQLite serializes the writes).
 *
 * <p>Not final: tests wrap it to count the calls that reach the database.
 */
public class PropertyRepository {

    // BEGIN SOLUTION: remove
    private static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS property (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                title       TEXT    NOT NULL,
                description TEXT    NOT NULL,
                price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
                location    TEXT    NOT NULL,
                created_at  TEXT    NOT NULL
            )""";
    private static final String COLUMNS = "id, title, description, price_cents, location, created_at";

    private final String url;
    // END SOLUTION

    /**
     * Opens (or creates) the database file and creates the {@code property} table if it is missing.
     *
     * @throws DataAccessException if the file cannot be opened as a SQLite database
     */
    public PropertyRepository(Path databaseFile) {
        Objects.requireNonNull(databaseFile, "databaseFile");
        // BEGIN SOLUTION
        this.url = "jdbc:sqlite:" + databaseFile.toAbsolutePath();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
        } catch (SQLException e) {
            throw new DataAccessException("cannot create the property table in " + databaseFile, e);
        }
        // END SOLUTION
    }

    /**
     * Stores a new listing and returns it with the id the database gave it.
     *
     * @throws IllegalArgumentException if the listing already has an id (use {@link #update})
     */
    public Property insert(Property property) {
        Objects.requireNonNull(property, "property");
        // BEGIN SOLUTION
        if (property.id() != 0) {
            throw new IllegalArgumentException(
                    "insert takes a listing not stored yet (id 0), got id: " + property.id());
        }
        String sql = "INSERT INTO property (title, description, price_cents, location, created_at)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id";
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            bindFields(insert, property);
            try (ResultSet generated = insert.executeQuery()) {
                generated.next();
                return property.withId(generated.getLong(1));
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot insert " + property, e);
        }
        // END SOLUTION
    }

    /** Every listing, oldest id first. */
    public List<Property> findAll() {
        // BEGIN SOLUTION
        try (Connection connection = connect();
                PreparedStatement select =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM property ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            List<Property> properties = new ArrayList<>();
            while (rows.next()) {
                properties.add(toProperty(rows));
            }
            return List.copyOf(properties);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the properties", e);
        }
        // END SOLUTION
    }

    /** Replaces the stored fields of the listing with {@code property.id()}; false if there is none. */
    public boolean update(Property property) {
        Objects.requireNonNull(property, "property");
        // BEGIN SOLUTION
        String sql = "UPDATE property SET title = ?, description = ?, price_cents = ?, location = ?, created_at = ?"
                + " WHERE id = ?";
        return executeUpdate(
                sql,
                statement -> {
                    bindFields(statement, property);
                    statement.setLong(6, property.id());
                },
                "cannot update " + property);
        // END SOLUTION
    }

    /** Deletes the listing with this id; false if there is none. */
    public boolean delete(long id) {
        // BEGIN SOLUTION
        return executeUpdate(
                "DELETE FROM property WHERE id = ?",
                statement -> statement.setLong(1, id),
                "cannot delete property " + id);
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private boolean executeUpdate(String sql, Binder binder, String failure) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new DataAccessException(failure, e);
        }
    }

    private static void bindFields(PreparedStatement statement, Property property) throws SQLException {
        statement.setString(1, property.title());
        statement.setString(2, property.description());
        statement.setLong(
                3, property.price().movePointRight(Property.PRICE_SCALE).longValueExact());
        statement.setString(4, property.location());
        statement.setString(5, property.createdAt().toString());
    }

    private static Property toProperty(ResultSet row) throws SQLException {
        return new Property(
                row.getLong("id"),
                row.getString("title"),
                row.getString("description"),
                BigDecimal.valueOf(row.getLong("price_cents"), Property.PRICE_SCALE),
                row.getString("location"),
                Instant.parse(row.getString("created_at")));
    }
    // END SOLUTION
}
