package io.prodev.labs.decorators.examples;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.repository.CachingUserRepository;
import io.prodev.labs.decorators.repository.JdbcUserRepository;
import io.prodev.labs.decorators.repository.LoggingUserRepository;
import io.prodev.labs.decorators.repository.UserRepository;
import java.nio.file.Files;

/** The example of task 5 in README.md (grader check compares it, and its output, with the README). */
public final class Task5Example {

    private Task5Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        Database database = Database.at(Files.createTempDirectory("users").resolve("users.db"));
        Seeder.seed(database, 300);
        UserRepository jdbc = new JdbcUserRepository(database);
        UserRepository logged = new LoggingUserRepository(
                new CachingUserRepository(jdbc), line -> System.out.println("outside: " + line));
        UserRepository cached = new CachingUserRepository(
                new LoggingUserRepository(jdbc, line -> System.out.println("inside: " + line)));

        database.resetStatementCount();
        for (UserRepository users : new UserRepository[] {logged, cached}) {
            users.findById(7);
            users.findById(7);
        }
        System.out.println(jdbc.findById(7).orElseThrow().name());
        System.out.println("statements: " + database.statementsExecuted());
        // end::example[]
    }
}
