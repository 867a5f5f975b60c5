package io.prodev.labs.decorators;

import java.sql.Connection;
import java.sql.SQLException;

/** Task 2: the curriculum's {@code @transactional}: all of the work, or none of it. */
public final class Transactions {

    private Transactions() {}

    /**
     * Work that runs {@code work} in a transaction on the connection it is given.
     *
     * <ul>
     *   <li>Auto-commit is turned off before {@code work} runs. When {@code work} returns, the transaction is
     *       committed and its result returned.
     *   <li>When {@code work} throws (an {@link SQLException}, a {@link RuntimeException} or an {@link Error}), the
     *       transaction is rolled back and the exception passes through unchanged.
     *   <li>Afterwards, success or failure, the connection's auto-commit is what it was before.
     *   <li>It stacks under task 1: {@code withConnection(database, transactional(work))} opens a connection, runs the
     *       work in a transaction on it and closes it.
     * </ul>
     *
     * @throws IllegalArgumentException naming {@code work} when it is null
     */
    public static <T> ConnectionWork<T> transactional(ConnectionWork<T> work) {
        // BEGIN SOLUTION
        if (work == null) {
            throw new IllegalArgumentException("work must not be null");
        }
        return connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        };
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException failed) {
            cause.addSuppressed(failed);
        }
    }
    // END SOLUTION
}
