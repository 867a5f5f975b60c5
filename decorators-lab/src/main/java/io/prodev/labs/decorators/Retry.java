package io.prodev.labs.decorators;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Task 3: the curriculum's {@code @retry_on_failure(retries=3, delay=1)}: call again when the failure is one that may
 * pass (a locked database, a dropped connection), wait a little longer each time, and give up after a set number of
 * calls.
 */
public final class Retry {

    private Retry() {}

    /**
     * A supplier that, each time it is called, calls {@code work} until it returns, at most {@code policy.attempts()}
     * times (the first call included), and returns what it returned.
     *
     * <ul>
     *   <li>A failure (an exception) whose type is, or extends, one of {@code policy.transientTypes()} is retried while
     *       calls are left. Any other failure, an {@link Error} included, ends the call at once: it is never retried.
     *   <li>Before call {@code k} (k &gt;= 2) it calls {@code policy.sleeper()} once with {@code delay *
     *       backoffFactor^(k-2) * (1 + jitter * (2r - 1))}, {@code r} one fresh value from {@code policy.random()},
     *       in nanoseconds rounded to the nearest ({@code Math.round}). The sleeper is called for a zero delay too.
     *   <li>When the call fails for good (calls used up, a failure not transient, or an interrupted sleep), it throws
     *       the last failure, the very instance {@code work} threw, with every earlier failure of this call added to it
     *       as suppressed, in the order they happened.
     *   <li>When the sleeper throws {@link InterruptedException}, it calls {@code work} no more: it sets the thread's
     *       interrupt flag again and throws the last failure as above, with the {@link InterruptedException} added
     *       last as suppressed.
     *   <li>Nothing is called before the supplier is; each call of the supplier starts again from its first attempt,
     *       and a call that returns is never repeated.
     * </ul>
     *
     * @throws IllegalArgumentException naming {@code work} or {@code policy} when it is null
     */
    public static <T> SqlSupplier<T> retrying(SqlSupplier<T> work, RetryPolicy policy) {
        // BEGIN SOLUTION
        if (work == null) {
            throw new IllegalArgumentException("work must not be null");
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        return () -> {
            List<Throwable> earlier = new ArrayList<>();
            for (int attempt = 1; ; attempt++) {
                try {
                    return work.get();
                } catch (SQLException | RuntimeException | Error failure) {
                    if (attempt >= policy.attempts() || !isTransient(policy, failure)) {
                        attach(earlier, failure);
                        throw failure;
                    }
                    try {
                        policy.sleeper().sleep(delayBefore(policy, attempt + 1));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        attach(earlier, failure);
                        failure.addSuppressed(interrupted);
                        throw failure;
                    }
                    earlier.add(failure);
                }
            }
        };
        // END SOLUTION
    }

    /**
     * The same as {@link #retrying(SqlSupplier, RetryPolicy)} for a query: each run of the returned query runs {@code
     * query} with the same SQL and parameters, under the same rules.
     *
     * @throws IllegalArgumentException naming {@code query} or {@code policy} when it is null
     */
    public static <T> Query<T> retrying(Query<T> query, RetryPolicy policy) {
        // BEGIN SOLUTION
        if (query == null) {
            throw new IllegalArgumentException("query must not be null");
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy must not be null");
        }
        return (sql, parameters) ->
                retrying(() -> query.run(sql, parameters), policy).get();
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static boolean isTransient(RetryPolicy policy, Throwable failure) {
        return policy.transientTypes().stream().anyMatch(type -> type.isInstance(failure));
    }

    private static void attach(List<Throwable> earlier, Throwable failure) {
        for (Throwable before : earlier) {
            if (before != failure) {
                failure.addSuppressed(before);
            }
        }
    }

    private static Duration delayBefore(RetryPolicy policy, int attempt) {
        double r = policy.random().getAsDouble();
        double nanos = policy.delay().toNanos()
                * Math.pow(policy.backoffFactor(), attempt - 2)
                * (1 + policy.jitter() * (2 * r - 1));
        return Duration.ofNanos(Math.round(nanos));
    }
    // END SOLUTION
}
