package io.prodev.labs.decorators.examples;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.Sleeper;
import io.prodev.labs.decorators.User;
import io.prodev.labs.decorators.annotations.CacheResult;
import io.prodev.labs.decorators.annotations.LogQueries;
import io.prodev.labs.decorators.proxy.DecoratorOptions;
import io.prodev.labs.decorators.proxy.Decorators;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The example of task 6 in README.md (grader check compares it, and its output, with the README). */
public final class Task6Example {

    private Task6Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        interface Users {
            @LogQueries
            @CacheResult
            List<User> find(String sql, int age) throws SQLException;
        }

        Database database = Database.at(Files.createTempDirectory("users").resolve("users.db"));
        Seeder.seed(database, 300);
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
        Users users = Decorators.decorate(
                Users.class,
                (sql, age) -> database.users(sql, List.of(age)),
                new DecoratorOptions(System.out::println, clock, Sleeper.real()));

        database.resetStatementCount();
        users.find("SELECT * FROM users WHERE age > ?", 78);
        List<User> again = users.find("SELECT * FROM users WHERE age > ?", 78);
        System.out.println(again.size() + " users, statements: " + database.statementsExecuted());
        // end::example[]
    }
}
