package io.prodev.labs.decorators;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A real SQLite database in one file, with the {@code users} table, that counts what is done to it: the statements
 * executed, the connections open and the rows read. Tests use the counts to prove what a decorator did (a cached
 * query runs no statement; a failed piece of work leaves no connection open; a lazy stream reads a row only when it
 * is asked for one).
 */
public final class Database {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS users (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                email TEXT NOT NULL UNIQUE,
                age INTEGER NOT NULL CHECK (age >= 0)
            )""";

    private final Path file;
    private final String url;
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong rows = new AtomicLong();
    private volatile LongConsumer rowWatcher = count -> {};

    private Database(Path file) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * Opens (creating it if needed) the database in {@code file} and makes sure the {@code users} table exists.
     *
     * @throws IllegalArgumentException when the file's folder does not exist
     */
    public static Database at(Path file) throws SQLException {
        Objects.requireNonNull(file, "file");
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("the database's folder does not exist: " + folder);
        }
        Database database = new Database(file);
        try (Connection connection = DriverManager.getConnection(database.url);
                Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        }
        return database;
    }

    /** The database's file. */
    public Path file() {
        return file;
    }

    /**
     * A new connection to the database, in auto-commit mode. Close it: {@link #openConnections()} counts the ones
     * that are not closed yet.
     */
    public Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        open.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(
                Database.class.getClassLoader(), new Class<?>[] {Connection.class}, new Counting(connection, true));
    }

    /** How many statements were executed through this database's connections since it was opened (or reset). */
    public int statementsExecuted() {
        return statements.get();
    }

    /** How many connections from {@link #open()} are not closed. */
    public int openConnections() {
        return open.get();
    }

    /**
     * How many rows were read through this database's connections since it was opened: each {@link ResultSet#next()}
     * that returned true (moved onto a row) counts one.
     */
    public long rowsRead() {
        return rows.get();
    }

    /**
     * Calls {@code watcher} with {@link #rowsRead()} each time a row has been read, on the reading thread (in place
     * of any earlier watcher). Tests use it to look at the reader in the middle of a query.
     */
    public void watchRows(LongConsumer watcher) {
        this.rowWatcher = Objects.requireNonNull(watcher, "watcher");
    }

    /** Sets the statement count back to 0. */
    public void resetStatementCount() {
        statements.set(0);
    }

    /**
     * Runs a parameterised query and maps each row to a user: the values are bound with {@code setObject}, in order.
     */
    public List<User> users(String sql, List<?> parameters) throws SQLException {
        try (Connection connection = open();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<User> users = new ArrayList<>();
                while (rows.next()) {
                    users.add(new User(
                            rows.getLong("id"), rows.getString("name"), rows.getString("email"), rows.getInt("age")));
                }
                return users;
            }
        }
    }

    /** Counts executions on statements and closes of connections, passing every call on. */
    private final class Counting implements InvocationHandler {
        private final Object target;
        private final boolean isConnection;
        private boolean closed;

        Counting(Object target, boolean isConnection) {
            this.target = target;
            this.isConnection = isConnection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (isConnection && name.equals("close")) {
                synchronized (this) {
                    if (!closed) {
                        closed = true;
                        open.decrementAndGet();
                    }
                }
            }
            if (!isConnection && name.startsWith("execute")) {
                statements.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (isConnection && result instanceof Statement statement) {
                Class<?> type = statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(
                        Database.class.getClassLoader(), new Class<?>[] {type}, new Counting(statement, false));
            }
            if (!isConnection && result instanceof ResultSet resultSet) {
                return Proxy.newProxyInstance(
                        Database.class.getClassLoader(), new Class<?>[] {ResultSet.class}, new RowCounting(resultSet));
            }
            return result;
        }
    }

    /** Counts each {@code next()} of a result set that moved onto a row, passing every call on. */
    private final class RowCounting implements InvocationHandler {
        private final ResultSet target;

        RowCounting(ResultSet target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                rowWatcher.accept(rows.incrementAndGet());
            }
            return result;
        }
    }
}
