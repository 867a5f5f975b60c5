package io.prodev.labs.decorators;

import java.sql.Connection;
import java.sql.SQLException;

/** Task 1: the curriculum's {@code @with_db_connection}: open, hand over, always close. */
public final class Connections {

    private Connections() {}

    /**
     * A supplier that, each time it is called, opens a new connection with {@link Database#open()}, applies {@code
     * work} to it and closes it, and returns what {@code work} returned.
     *
     * <ul>
     *   <li>The connection is closed whatever happens: when {@code work} returns, and when it throws (an {@link
     *       SQLException}, a {@link RuntimeException} or an {@link Error}), which then passes through unchanged.
     *   <li>Nothing is opened before the supplier is called, and each call has a connection of its own.
     * </ul>
     *
     * @throws IllegalArgumentException naming {@code database} or {@code work} when it is null
     */
    public static <T> SqlSupplier<T> withConnection(Database database, ConnectionWork<T> work) {
        // BEGIN SOLUTION
        if (database == null) {
            throw new IllegalArgumentException("database must not be null");
        }
        if (work == null) {
            throw new IllegalArgumentException("work must not be null");
        }
        return () -> {
            try (Connection connection = database.open()) {
                return work.apply(connection);
            }
        };
        // END SOLUTION
    }
}
