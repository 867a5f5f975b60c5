package io.prodev.labs.decorators.streams;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Task 8: the curriculum's generators ({@code yield}) in Java: streams of users that read the {@code users} table
 * only as far as they are consumed, and close what they opened.
 */
public final class UserStreams {

    private UserStreams() {}

    /**
     * Every user, in id order, read one row at a time as the stream is consumed. Nothing is opened before the first
     * user is asked for; then one connection, one statement ({@code SELECT id, name, email, age FROM users ORDER BY
     * id}) and its result set are opened. Closing the stream, or reaching the last row, closes all three; closing
     * again does nothing. An {@link SQLException} surfaces as an {@link UncheckedSqlException} whose cause it is.
     *
     * @throws IllegalArgumentException naming {@code database} when it is null
     */
    public static Stream<User> all(Database database) {
        // BEGIN SOLUTION
        requireDatabase(database);
        Rows rows = new Rows(database);
        return StreamSupport.stream(rows, false).onClose(rows::close);
        // END SOLUTION
    }

    /**
     * The users of {@link #all}, in lists of {@code size} (the last one may be shorter, none is empty), each list
     * read only when the stream reaches it. Closing this stream closes the rows.
     *
     * @throws IllegalArgumentException naming {@code database} when it is null, or {@code size} when it is below 1
     */
    public static Stream<List<User>> batches(Database database, int size) {
        // BEGIN SOLUTION
        requireDatabase(database);
        requirePositive(size, "size");
        Stream<User> rows = all(database);
        Spliterator<User> users = rows.spliterator();
        Spliterator<List<User>> lists =
                new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    @Override
                    public boolean tryAdvance(Consumer<? super List<User>> action) {
                        List<User> batch = new ArrayList<>(Math.min(size, 1024));
                        while (batch.size() < size && users.tryAdvance(batch::add)) {
                            // each tryAdvance reads one row into the batch
                        }
                        if (batch.isEmpty()) {
                            return false;
                        }
                        action.accept(batch);
                        return true;
                    }
                };
        return StreamSupport.stream(lists, false).onClose(rows::close);
        // END SOLUTION
    }

    /**
     * The users in pages of {@code pageSize}, by keyset pagination: the first page is {@code SELECT id, name, email,
     * age FROM users ORDER BY id LIMIT ?}, each next one {@code ... WHERE id > ? ORDER BY id LIMIT ?} with the last id
     * of the page before. A page is queried only when the stream reaches it, on a connection of its own that is
     * closed before the page is handed on. The stream ends after the first page shorter than {@code pageSize}; an
     * empty page is never handed on.
     *
     * @throws IllegalArgumentException naming {@code database} when it is null, or {@code pageSize} when it is below 1
     */
    public static Stream<List<User>> pages(Database database, int pageSize) {
        // BEGIN SOLUTION
        requireDatabase(database);
        requirePositive(pageSize, "pageSize");
        Spliterator<List<User>> pages =
                new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    private Long lastId;
                    private boolean done;

                    @Override
                    public boolean tryAdvance(Consumer<? super List<User>> action) {
                        if (done) {
                            return false;
                        }
                        List<User> page = page(database, lastId, pageSize);
                        done = page.size() < pageSize;
                        if (page.isEmpty()) {
                            return false;
                        }
                        lastId = page.get(page.size() - 1).id();
                        action.accept(page);
                        return true;
                    }
                };
        return StreamSupport.stream(pages, false);
        // END SOLUTION
    }

    /**
     * The average age of the users, computed as they stream past with a running count and a {@code long} sum, in
     * constant memory; empty when there are none. Does not close {@code users}.
     *
     * @throws IllegalArgumentException naming {@code users} when it is null
     */
    public static OptionalDouble averageAge(Stream<User> users) {
        // BEGIN SOLUTION
        if (users == null) {
            throw new IllegalArgumentException("users must not be null");
        }
        long[] countAndSum = new long[2];
        users.forEach(user -> {
            countAndSum[0]++;
            countAndSum[1] += user.age();
        });
        return countAndSum[0] == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of((double) countAndSum[1] / countAndSum[0]);
        // END SOLUTION
    }

    /**
     * The average age of every user in the table, over {@link #all} (no SQL {@code AVG}, no list), closing the rows
     * afterwards; empty when the table is.
     *
     * @throws IllegalArgumentException naming {@code database} when it is null
     */
    public static OptionalDouble averageAge(Database database) {
        // BEGIN SOLUTION
        requireDatabase(database);
        try (Stream<User> users = all(database)) {
            return averageAge(users);
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static final String ALL = "SELECT id, name, email, age FROM users ORDER BY id";
    private static final String FIRST_PAGE = "SELECT id, name, email, age FROM users ORDER BY id LIMIT ?";
    private static final String NEXT_PAGE = "SELECT id, name, email, age FROM users WHERE id > ? ORDER BY id LIMIT ?";

    private static List<User> page(Database database, Long lastId, int pageSize) {
        try {
            return lastId == null
                    ? database.users(FIRST_PAGE, List.of(pageSize))
                    : database.users(NEXT_PAGE, List.of(lastId, pageSize));
        } catch (SQLException e) {
            throw new UncheckedSqlException(e);
        }
    }

    private static void requireDatabase(Database database) {
        if (database == null) {
            throw new IllegalArgumentException("database must not be null");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
        }
    }

    /** The rows of {@link #ALL}: opened at the first tryAdvance, one row per tryAdvance, closed once. */
    private static final class Rows extends Spliterators.AbstractSpliterator<User> {
        private final Database database;
        private Connection connection;
        private PreparedStatement statement;
        private ResultSet resultSet;
        private boolean closed;

        Rows(Database database) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.database = database;
        }

        @Override
        public boolean tryAdvance(Consumer<? super User> action) {
            if (closed) {
                return false;
            }
            User user;
            try {
                if (resultSet == null) {
                    connection = database.open();
                    statement = connection.prepareStatement(ALL);
                    statement.setFetchSize(100);
                    resultSet = statement.executeQuery();
                }
                if (!resultSet.next()) {
                    close();
                    return false;
                }
                user = new User(
                        resultSet.getLong("id"),
                        resultSet.getString("name"),
                        resultSet.getString("email"),
                        resultSet.getInt("age"));
            } catch (SQLException e) {
                try {
                    close();
                } catch (UncheckedSqlException closing) {
                    e.addSuppressed(closing.getCause());
                }
                throw new UncheckedSqlException(e);
            }
            action.accept(user);
            return true;
        }

        /** Closes the result set, the statement and the connection, in that order, each even if one before failed. */
        void close() {
            if (closed) {
                return;
            }
            closed = true;
            SQLException failure = null;
            for (AutoCloseable resource : new AutoCloseable[] {resultSet, statement, connection}) {
                try {
                    if (resource != null) {
                        resource.close();
                    }
                } catch (Exception e) {
                    SQLException sql = e instanceof SQLException s ? s : new SQLException(e);
                    if (failure == null) {
                        failure = sql;
                    } else {
                        failure.addSuppressed(sql);
                    }
                }
            }
            resultSet = null;
            statement = null;
            connection = null;
            if (failure != null) {
                throw new UncheckedSqlException(failure);
            }
        }
    }
    // END SOLUTION
}
