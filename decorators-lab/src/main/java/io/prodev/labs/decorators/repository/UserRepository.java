package io.prodev.labs.decorators.repository;

import io.prodev.labs.decorators.User;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Where users are kept: the interface every decorator of task 5 implements and wraps. */
public interface UserRepository {

    /** The user with this id, if there is one. */
    Optional<User> findById(long id) throws SQLException;

    /** The users older than {@code age} (their age is greater), in the order of their ids. */
    List<User> findOlderThan(int age) throws SQLException;

    /** Stores the user, replacing any with the same id. */
    void save(User user) throws SQLException;
}
