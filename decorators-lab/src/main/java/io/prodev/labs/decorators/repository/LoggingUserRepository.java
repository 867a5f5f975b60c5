package io.prodev.labs.decorators.repository;

import io.prodev.labs.decorators.User;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A decorator that logs every call, then passes it on: one line {@code <method>(<argument>)} before the call
 * ({@code findById(7)}, {@code findOlderThan(65)}, {@code save(User[id=1, ...])}), whatever happens after.
 */
public final class LoggingUserRepository implements UserRepository {

    // BEGIN SOLUTION: remove
    private final UserRepository inner;
    private final Consumer<String> sink;
    // END SOLUTION

    public LoggingUserRepository(UserRepository inner, Consumer<String> sink) {
        if (inner == null) {
            throw new IllegalArgumentException("inner must not be null");
        }
        if (sink == null) {
            throw new IllegalArgumentException("sink must not be null");
        }
        // BEGIN SOLUTION
        this.inner = inner;
        this.sink = sink;
        // END SOLUTION
    }

    @Override
    public Optional<User> findById(long id) throws SQLException {
        // BEGIN SOLUTION
        sink.accept("findById(" + id + ")");
        return inner.findById(id);
        // END SOLUTION
    }

    @Override
    public List<User> findOlderThan(int age) throws SQLException {
        // BEGIN SOLUTION
        sink.accept("findOlderThan(" + age + ")");
        return inner.findOlderThan(age);
        // END SOLUTION
    }

    @Override
    public void save(User user) throws SQLException {
        // BEGIN SOLUTION
        sink.accept("save(" + user + ")");
        inner.save(user);
        // END SOLUTION
    }
}
