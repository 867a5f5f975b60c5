package io.prodev.labs.decorators.repository;

import io.prodev.labs.decorators.User;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decorator that remembers what the repository behind it answered: a second {@code findById} of the same id, or
 * {@code findOlderThan} of the same age, is answered from memory without a call. {@code save} always goes through,
 * and then forgets everything remembered, since any answer may have changed. An exception is never remembered.
 * Safe for many threads at once (one lock).
 */
public final class CachingUserRepository implements UserRepository {

    // BEGIN SOLUTION: remove
    private final UserRepository inner;
    private final Map<Long, Optional<User>> byId = new HashMap<>();
    private final Map<Integer, List<User>> olderThan = new HashMap<>();
    // END SOLUTION

    public CachingUserRepository(UserRepository inner) {
        if (inner == null) {
            throw new IllegalArgumentException("inner must not be null");
        }
        // BEGIN SOLUTION
        this.inner = inner;
        // END SOLUTION
    }

    @Override
    public Optional<User> findById(long id) throws SQLException {
        // BEGIN SOLUTION
        synchronized (this) {
            Optional<User> cached = byId.get(id);
            if (cached != null) {
                return cached;
            }
            Optional<User> found = inner.findById(id);
            byId.put(id, found);
            return found;
        }
        // END SOLUTION
    }

    /** The list returned cannot be changed: it may be the one remembered. */
    @Override
    public List<User> findOlderThan(int age) throws SQLException {
        // BEGIN SOLUTION
        synchronized (this) {
            List<User> cached = olderThan.get(age);
            if (cached != null) {
                return cached;
            }
            List<User> found = List.copyOf(inner.findOlderThan(age));
            olderThan.put(age, found);
            return found;
        }
        // END SOLUTION
    }

    @Override
    public void save(User user) throws SQLException {
        // BEGIN SOLUTION
        synchronized (this) {
            try {
                inner.save(user);
            } finally {
                byId.clear(); // a failed save may have written part of its work: forget in every case
                olderThan.clear();
            }
        }
        // END SOLUTION
    }
}
