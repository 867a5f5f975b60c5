package io.prodev.labs.decorators.examples;

import io.prodev.labs.decorators.Retry;
import io.prodev.labs.decorators.RetryPolicy;
import io.prodev.labs.decorators.SqlSupplier;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** The README's example for task 3: work that fails twice then succeeds, then work that never succeeds. */
public final class Task3Example {

    public static void main(String[] args) throws Exception {
        // tag::example[]
        RetryPolicy policy = RetryPolicy.of(4, Duration.ofMillis(100), SQLTransientException.class)
                .withBackoff(2)
                .withSleeper(delay -> System.out.println("  sleep " + delay.toMillis() + " ms"));

        AtomicInteger calls = new AtomicInteger();
        SqlSupplier<String> flaky = () -> {
            int call = calls.incrementAndGet();
            System.out.println("  call " + call);
            if (call < 3) {
                throw new SQLTransientException("database is locked (" + call + ")");
            }
            return "saved on call " + call;
        };
        System.out.println(Retry.retrying(flaky, policy).get());

        AtomicInteger tries = new AtomicInteger();
        SqlSupplier<String> locked = () -> {
            throw new SQLTransientException("database is locked (" + tries.incrementAndGet() + ")");
        };
        try {
            Retry.retrying(locked, policy).get();
        } catch (SQLException e) {
            System.out.println("gave up: " + e.getMessage());
            Arrays.stream(e.getSuppressed()).forEach(earlier -> System.out.println("  after: " + earlier.getMessage()));
        }
        // end::example[]
    }
}
