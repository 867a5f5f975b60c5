package io.prodev.labs.decorators.examples;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.QueryCache;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The README's example for task 4: a cached read, a write through the same cache, the read again. */
public final class Task4Example {

    private Task4Example() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("task4");
        // tag::example[]
        Database database = Database.at(folder.resolve("users.db"));
        Seeder.seed(database, 20);
        database.resetStatementCount();
        QueryCache<List<User>> users = QueryCache.caching(database::users);
        String byId = "SELECT * FROM users WHERE id = ?";

        System.out.println(users.run(byId, List.of(1)));
        System.out.println(users.run(byId, List.of(1)));
        System.out.println("statements: " + database.statementsExecuted());

        users.run("UPDATE users SET age = age + 1 WHERE id = ? RETURNING *", List.of(1));
        System.out.println(users.run(byId, List.of(1)));
        System.out.println("statements: " + database.statementsExecuted());
        // end::example[]
    }
}
