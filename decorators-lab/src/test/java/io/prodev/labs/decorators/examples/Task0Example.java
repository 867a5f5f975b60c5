package io.prodev.labs.decorators.examples;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.Query;
import io.prodev.labs.decorators.QueryLog;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.User;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The example of task 0 in README.md (grader check compares it, and its output, with the README). */
public final class Task0Example {

    private Task0Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        Database database = Database.at(Files.createTempDirectory("users").resolve("users.db"));
        Seeder.seed(database, 300);
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:15:00Z"), ZoneOffset.UTC);
        Query<List<User>> users = QueryLog.logQueries(database::users, System.out::println, clock);

        List<User> older = users.run("""
                SELECT * FROM users
                WHERE age > ? AND name LIKE ?
                ORDER BY id""", List.of(70, "Abebe%"));
        System.out.println(older.size() + " users, the first: " + older.get(0));
        // end::example[]
    }
}
