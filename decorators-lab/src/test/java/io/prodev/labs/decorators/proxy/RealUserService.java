package io.prodev.labs.decorators.proxy;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.TestDatabases;
import io.prodev.labs.decorators.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The target the proxy tests decorate: real database work, and a count of the calls that reached it. */
final class RealUserService implements UserService {

    final AtomicInteger calls = new AtomicInteger();
    /** How many of the next calls of {@code flaky} and {@code everything} fail with a "database is locked". */
    final AtomicInteger failuresLeft = new AtomicInteger();

    private final Database database;

    RealUserService(Database database) {
        this.database = database;
    }

    @Override
    public List<User> query(String sql, int minimumAge) throws SQLException {
        calls.incrementAndGet();
        return database.users(sql, List.of(minimumAge));
    }

    @Override
    public void insertPair(Connection connection, long first, long second) throws SQLException {
        calls.incrementAndGet();
        TestDatabases.insert(connection, first);
        TestDatabases.insert(connection, second);
    }

    @Override
    public int flaky() throws SQLException {
        calls.incrementAndGet();
        failIfAsked();
        return 42;
    }

    @Override
    public List<User> olderThan(int age) throws SQLException {
        calls.incrementAndGet();
        return database.users("SELECT * FROM users WHERE age > ? ORDER BY id", List.of(age));
    }

    @Override
    public int sum(int[] values) {
        calls.incrementAndGet();
        int sum = 0;
        for (int value : values) {
            sum += value;
        }
        return sum;
    }

    @Override
    public String nothing(String key) {
        calls.incrementAndGet();
        return null;
    }

    @Override
    public void insertThenFail(Connection connection, long id) throws SQLException {
        calls.incrementAndGet();
        TestDatabases.insert(connection, id);
        throw new SQLException("database is locked");
    }

    @Override
    public List<User> everything(String sql, int minimumAge) throws SQLException {
        calls.incrementAndGet();
        failIfAsked();
        return database.users(sql, List.of(minimumAge));
    }

    @Override
    public String read(Path file) throws IOException {
        calls.incrementAndGet();
        return Files.readString(file);
    }

    @Override
    public int plain() {
        return calls.incrementAndGet();
    }

    @Override
    public String toString() {
        return "RealUserService over " + database.file().getFileName();
    }

    private void failIfAsked() throws SQLException {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new SQLException("database is locked");
        }
    }
}
