package io.prodev.labs.decorators;

import io.prodev.labs.decorators.annotations.CacheResult;
import io.prodev.labs.decorators.annotations.LogQueries;
import io.prodev.labs.decorators.proxy.DecoratorOptions;
import io.prodev.labs.decorators.proxy.Decorators;
import io.prodev.labs.decorators.repository.CachingUserRepository;
import io.prodev.labs.decorators.repository.JdbcUserRepository;
import io.prodev.labs.decorators.repository.LoggingUserRepository;
import io.prodev.labs.decorators.repository.UserRepository;
import io.prodev.labs.decorators.streams.UserStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lab's demo: {@code ./mvnw -q -pl decorators-lab compile exec:java}. Seeds a SQLite database in a temporary
 * folder and shows each decorator at work, then stacked.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("decorators-lab-demo");
        try {
            run(Database.at(folder.resolve("users.db")));
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(Database database) throws Exception {
        Seeder.seed(database, 300);
        System.out.println("== a SQLite database with 300 users: " + database.file());

        System.out.println("== task 0: log queries");
        Query<List<User>> users =
                QueryLog.logQueries(database::users, line -> System.out.println("  log: " + line), Clock.systemUTC());
        List<User> found =
                users.run("SELECT * FROM users WHERE age BETWEEN ? AND ? ORDER BY id LIMIT 3", List.of(30, 31));
        found.forEach(user -> System.out.println("  " + user));
        List<User> injected = users.run("SELECT * FROM users WHERE name = ?", List.of("x' OR '1'='1"));
        System.out.println("  an injection attempt as a parameter finds " + injected.size() + " users");

        System.out.println("== task 1: with connection");
        SqlSupplier<Integer> count = Connections.withConnection(database, connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        System.out.println("  users: " + count.get() + ", connections open afterwards: " + database.openConnections());

        System.out.println("== task 2: transactional, stacked under with connection");
        try {
            Connections.withConnection(database, Transactions.transactional(connection -> {
                        connection.createStatement().executeUpdate("DELETE FROM users WHERE age < 30");
                        throw new SQLException("changed my mind");
                    }))
                    .get();
        } catch (SQLException e) {
            System.out.println("  rolled back (" + e.getMessage() + "): users still " + count.get());
        }

        System.out.println("== task 3: retry a transient failure (the first two calls fail)");
        int[] calls = {0};
        SqlSupplier<Integer> flaky = () -> {
            if (++calls[0] < 3) {
                throw new SQLException("database is locked (call " + calls[0] + ")");
            }
            return count.get();
        };
        RetryPolicy policy = RetryPolicy.of(3, Duration.ofMillis(20), SQLException.class)
                .withBackoff(2)
                .withSleeper(delay -> {
                    System.out.println("  waiting " + delay.toMillis() + " ms");
                    Thread.sleep(delay.toMillis());
                });
        System.out.println("  users: " + Retry.retrying(flaky, policy).get() + " after " + calls[0] + " calls");

        System.out.println("== task 4: cache query, stacked under the query log");
        Query<List<User>> cached = QueryLog.logQueries(
                QueryCache.caching(database::users), line -> System.out.println("  log: " + line), Clock.systemUTC());
        database.resetStatementCount();
        cached.run("SELECT * FROM users WHERE age > ?", List.of(79));
        cached.run("SELECT * FROM users WHERE age > ?", List.of(79));
        System.out.println("  two identical queries, both logged: " + database.statementsExecuted() + " statement(s)");

        System.out.println("== task 5: the decorator pattern, two orders");
        UserRepository jdbc = new JdbcUserRepository(database);
        UserRepository logOutside = new LoggingUserRepository(
                new CachingUserRepository(jdbc), line -> System.out.println("  log outside the cache: " + line));
        UserRepository logInside = new CachingUserRepository(
                new LoggingUserRepository(jdbc, line -> System.out.println("  log inside the cache: " + line)));
        for (UserRepository repository : List.of(logOutside, logInside)) {
            database.resetStatementCount();
            repository.findById(7);
            repository.findById(7);
            System.out.println("  two findById(7): " + database.statementsExecuted() + " statement(s)");
        }

        System.out.println("== task 6: the same decorators as annotations, applied by a JDK dynamic proxy");
        int[] attempts = {0};
        AnnotatedUsers target = new AnnotatedUsers() {
            @Override
            public List<User> find(String sql, int age) throws SQLException {
                return database.users(sql, List.of(age));
            }

            @Override
            public int count() throws SQLException {
                if (++attempts[0] < 2) {
                    throw new SQLException("database is locked (call " + attempts[0] + ")");
                }
                return database.users("SELECT * FROM users", List.of()).size();
            }
        };
        AnnotatedUsers proxy = Decorators.decorate(
                AnnotatedUsers.class,
                target,
                new DecoratorOptions(
                        line -> System.out.println("  log: " + line),
                        Clock.systemUTC(),
                        delay -> System.out.println("  waiting " + delay.toMillis() + " ms")));
        database.resetStatementCount();
        proxy.find("SELECT * FROM users WHERE age > ?", 79);
        proxy.find("SELECT * FROM users WHERE age > ?", 79);
        System.out.println("  two identical calls of a @LogQueries @CacheResult method: "
                + database.statementsExecuted() + " statement(s)");
        System.out.println("  a @Retry method: " + proxy.count() + " users after " + attempts[0] + " calls");

        System.out.println("== task 8: lazy streams, read as they are consumed");
        long rowsBefore = database.rowsRead();
        try (Stream<User> all = UserStreams.all(database)) {
            all.limit(2).forEach(user -> System.out.println("  " + user));
        }
        System.out.println("  the first 2 users of 300: " + (database.rowsRead() - rowsBefore) + " rows read, "
                + database.openConnections() + " connection(s) left open");
        database.resetStatementCount();
        List<User> firstPage = UserStreams.pages(database, 100).findFirst().orElseThrow();
        System.out.println("  the first page: users " + firstPage.get(0).id() + " to "
                + firstPage.get(firstPage.size() - 1).id() + ", " + database.statementsExecuted() + " query");
        rowsBefore = database.rowsRead();
        System.out.println("  average age: " + UserStreams.averageAge(database).orElseThrow() + " from "
                + (database.rowsRead() - rowsBefore) + " rows read one at a time");
    }

    /** The interface the demo's proxy implements: the annotations say what the proxy adds to each method. */
    interface AnnotatedUsers {
        @LogQueries
        @CacheResult
        List<User> find(String sql, int age) throws SQLException;

        @io.prodev.labs.decorators.annotations.Retry(attempts = 3, delayMillis = 20)
        int count() throws SQLException;
    }
}
