package io.prodev.labs.decorators;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Task 0: the curriculum's {@code @log_queries}, as a higher-order function. Java has no decorator syntax; a
 * function that takes a {@link Query} and returns a new one that does a little more is the same idea.
 */
public final class QueryLog {

    private QueryLog() {}

    /**
     * A query that logs, then runs {@code query}.
     *
     * <ul>
     *   <li>Before each run, exactly one line goes to {@code sink}: {@code <instant> <sql> <parameters>}, the instant
     *       from {@code clock} in ISO-8601 ({@code 2026-12-03T09:15:00Z}), the SQL with every run of white space
     *       (line breaks included) turned into one space and trimmed, and the parameters as a list ({@code [30,
     *       Abebe]}); string parameters are quoted ({@code ['Abebe']}) and {@code null} is {@code NULL}.
     *   <li>The line is written before the query runs, so a query that fails is logged too; its exception passes
     *       through unchanged, and so does its result.
     *   <li>The wrapped query gets the same SQL and parameters, untouched.
     * </ul>
     *
     * @throws IllegalArgumentException naming {@code query}, {@code sink} or {@code clock} when it is null
     */
    public static <T> Query<T> logQueries(Query<T> query, Consumer<String> sink, Clock clock) {
        // BEGIN SOLUTION
        requireArgument(query, "query");
        requireArgument(sink, "sink");
        requireArgument(clock, "clock");
        return (sql, parameters) -> {
            sink.accept(clock.instant() + " " + sql.strip().replaceAll("\\s+", " ") + " " + describe(parameters));
            return query.run(sql, parameters);
        };
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static void requireArgument(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static String describe(List<?> parameters) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            text.append(i == 0 ? "" : ", ")
                    .append(value == null ? "NULL" : value instanceof CharSequence ? "'" + value + "'" : value);
        }
        return text.append(']').toString();
    }
    // END SOLUTION
}
