package io.prodev.labs.decorators.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.decorators.Database;
import io.prodev.labs.decorators.Seeder;
import io.prodev.labs.decorators.User;
import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("5")
@Hidden
class RepositoryDecoratorsHiddenTest {

    @TempDir
    Path folder;

    @Hint("a cache must never answer with what a save has changed, and must ask again only when it has to")
    @Test
    void aCachedRepositoryAgreesWithAModelAndAsksOnlyWhenItMust() throws SQLException {
        Database database = Database.at(folder.resolve("users.db"));
        Seeder.seed(database, 50);
        Map<Long, User> model = new TreeMap<>();
        for (User user : database.users("SELECT * FROM users", List.of())) {
            model.put(user.id(), user);
        }
        AtomicInteger reads = new AtomicInteger();
        UserRepository jdbc = new JdbcUserRepository(database);
        UserRepository counting = new UserRepository() {
            @Override
            public Optional<User> findById(long id) throws SQLException {
                reads.incrementAndGet();
                return jdbc.findById(id);
            }

            @Override
            public List<User> findOlderThan(int age) throws SQLException {
                reads.incrementAndGet();
                return jdbc.findOlderThan(age);
            }

            @Override
            public void save(User user) throws SQLException {
                jdbc.save(user);
            }
        };
        UserRepository users = new CachingUserRepository(counting);
        Random random = new Random(5);
        java.util.Set<String> askedSinceSave = new java.util.HashSet<>();
        int expectedReads = 0;
        for (int i = 0; i < 300; i++) {
            int op = random.nextInt(5);
            if (op == 0) {
                long id = 1 + random.nextInt(60);
                User user = new User(id, "User " + i, "u" + id + "@example.com", 18 + random.nextInt(63));
                users.save(user);
                model.put(id, user);
                askedSinceSave.clear();
            } else if (op <= 2) {
                long id = 1 + random.nextInt(60);
                if (askedSinceSave.add("id " + id)) {
                    expectedReads++;
                }
                assertThat(users.findById(id))
                        .as("findById(%d), step %d", id, i)
                        .isEqualTo(Optional.ofNullable(model.get(id)));
            } else {
                int age = 18 + random.nextInt(63);
                if (askedSinceSave.add("age " + age)) {
                    expectedReads++;
                }
                List<User> expected = model.values().stream()
                        .filter(user -> user.age() > age)
                        .sorted(Comparator.comparingLong(User::id))
                        .toList();
                assertThat(users.findOlderThan(age))
                        .as("findOlderThan(%d), step %d", age, i)
                        .isEqualTo(expected);
            }
            assertThat(reads)
                    .as("calls that reached the repository after step %d", i)
                    .hasValue(expectedReads);
        }
    }
}
