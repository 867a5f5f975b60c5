package io.prodev.labs.decorators.repository;

import io.prodev.labs.decorators.User;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A decorator that times every call to the repository behind it on a nano clock and reports the method's name and
 * the time ({@code "findById", PT0.002S}) once the call has ended, when it throws too.
 */
public final class TimingUserRepository implements UserRepository {

    // BEGIN SOLUTION: remove
    private final UserRepository inner;
    private final LongSupplier nanoTime;
    private final BiConsumer<String, Duration> report;
    // END SOLUTION

    public TimingUserRepository(UserRepository inner, LongSupplier nanoTime, BiConsumer<String, Duration> report) {
        if (inner == null) {
            throw new IllegalArgumentException("inner must not be null");
        }
        if (nanoTime == null) {
            throw new IllegalArgumentException("nanoTime must not be null");
        }
        if (report == null) {
            throw new IllegalArgumentException("report must not be null");
        }
        // BEGIN SOLUTION
        this.inner = inner;
        this.nanoTime = nanoTime;
        this.report = report;
        // END SOLUTION
    }

    @Override
    public Optional<User> findById(long id) throws SQLException {
        // BEGIN SOLUTION
        long started = nanoTime.getAsLong();
        try {
            return inner.findById(id);
        } finally {
            report.accept("findById", Duration.ofNanos(nanoTime.getAsLong() - started));
        }
        // END SOLUTION
    }

    @Override
    public List<User> findOlderThan(int age) throws SQLException {
        // BEGIN SOLUTION
        long started = nanoTime.getAsLong();
        try {
            return inner.findOlderThan(age);
        } finally {
            report.accept("findOlderThan", Duration.ofNanos(nanoTime.getAsLong() - started));
        }
        // END SOLUTION
    }

    @Override
    public void save(User user) throws SQLException {
        // BEGIN SOLUTION
        long started = nanoTime.getAsLong();
        try {
            inner.save(user);
        } finally {
            report.accept("save", Duration.ofNanos(nanoTime.getAsLong() - started));
        }
        // END SOLUTION
    }
}
