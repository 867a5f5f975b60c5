package io.prodev.labs.decorators;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Task("1")
@Hidden
class ConnectionsHiddenTest {

    @TempDir
    Path folder;

    @Hint("close the connection in every case, from many threads at once, and give each call a new one")
    @Test
    void manyCallsFromManyThreadsLeaveNoConnectionOpen() throws Exception {
        Database database = TestDatabases.seeded(folder);
        Set<Connection> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long seed = t;
                results.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    int failures = 0;
                    for (int i = 0; i < 40; i++) {
                        int outcome = random.nextInt(4);
                        SqlSupplier<Integer> call = Connections.withConnection(database, connection -> {
                            seen.add(connection);
                            return switch (outcome) {
                                case 0 -> throw new SQLException("fails");
                                case 1 -> throw new IllegalStateException("fails");
                                default -> 1;
                            };
                        });
                        try {
                            call.get();
                        } catch (SQLException | IllegalStateException expected) {
                            failures++;
                        }
                    }
                    return failures;
                }));
            }
            for (Future<Integer> result : results) {
                result.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(database.openConnections())
                .as("connections open after 320 calls, some failing")
                .isZero();
        assertThat(seen).as("distinct connections the 320 calls got").hasSize(320);
    }
}
