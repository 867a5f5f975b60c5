package io.prodev.labs.decorators;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Work that fails with the exceptions it was given, one per call and in order, then returns its value; it counts
 * its calls. Every exception is a fresh instance the test keeps, so it can check which one came out.
 */
final class ScriptedWork<T> implements SqlSupplier<T> {

    private final Deque<Throwable> failures;
    private final T value;
    private int calls;

    private ScriptedWork(List<? extends Throwable> failures, T value) {
        this.failures = new ArrayDeque<>(failures);
        this.value = value;
    }

    static <T> ScriptedWork<T> failing(List<? extends Throwable> failures, T thenReturns) {
        return new ScriptedWork<>(failures, thenReturns);
    }

    @Override
    public T get() throws SQLException {
        calls++;
        Throwable next = failures.poll();
        if (next == null) {
            return value;
        }
        if (next instanceof SQLException e) {
            throw e;
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) next;
    }

    int calls() {
        return calls;
    }
}
