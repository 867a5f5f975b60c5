package io.prodev.labs.decorators.examples;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.User;
import io.prodev.labs.decorators.streams.UserStreams;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

/** The example of task 8 in README.md (grader check compares it, and its output, with the README). */
public final class Task8Example {

    private Task8Example() {}

    public static void main(String[] args) throws Exception {
        // tag::example[]
        Database database = Database.at(Files.createTempDirectory("users").resolve("users.db"));
        Seeder.seed(database, 300);

        try (Stream<User> users = UserStreams.all(database)) {
            users.limit(3).forEach(System.out::println);
        }
        System.out.println("rows read: " + database.rowsRead() + ", connections open: " + database.openConnections());

        try (Stream<List<User>> batches = UserStreams.batches(database, 128)) {
            System.out.println("batch sizes: " + batches.map(List::size).toList());
        }

        database.resetStatementCount();
        List<List<User>> twoPages = UserStreams.pages(database, 50).limit(2).toList();
        System.out.println("the second page starts at id "
                + twoPages.get(1).get(0).id() + ", queries: " + database.statementsExecuted());

        System.out.println("average age: " + UserStreams.averageAge(database).orElseThrow());
        // end::example[]
    }
}
