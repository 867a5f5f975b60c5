package io.prodev.labs.decorators;

import java.lang.reflect.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Task 4: the curriculum's {@code @cache_query}: a query whose results are kept, keyed by its SQL and parameters, so
 * that asking again does not touch the database. It is a {@link Query} itself, so it stacks with the other decorators.
 *
 * <ul>
 *   <li>Only a read is cached: a statement whose first word is {@code SELECT}, in any case, after any white space and
 *       comments ({@code -- ...} to the end of the line, {@code /* ... *}{@code /}). Every other statement ({@code
 *       INSERT}, {@code UPDATE}, {@code DELETE}, {@code REPLACE}, {@code CREATE}, {@code DROP}, {@code ALTER}, and
 *       also {@code WITH ...}, {@code PRAGMA} and the rest) counts as a write: it runs every time and empties the
 *       cache, whether it succeeds or fails.
 *   <li>The key is the SQL exactly as given (no white space is normalised: two spellings are two keys) and the
 *       parameters by value, in order ({@code equals}; arrays by content; {@code null} allowed). Changing the list
 *       (or an array in it) after the call does not change the key.
 *   <li>A hit returns the very object the query returned the first time; a caller must not change it.
 *   <li>A query that throws caches nothing, and its exception passes through unchanged.
 *   <li>Thread-safe. Concurrent identical reads run the query once: the others wait for its result (when it fails,
 *       each of them runs the query itself). Reads with different keys never wait for each other. A result read
 *       while a write ran is never kept after that write.
 * </ul>
 */
public final class QueryCache<T> implements Query<T> {

    // BEGIN SOLUTION: remove
    private final Query<T> query;
    private final ConcurrentMap<Key, CompletableFuture<T>> entries = new ConcurrentHashMap<>();

    private QueryCache(Query<T> query) {
        this.query = query;
    }
    // END SOLUTION

    /**
     * A cache in front of {@code query}, empty.
     *
     * @throws IllegalArgumentException naming {@code query} when it is null
     */
    public static <T> QueryCache<T> caching(Query<T> query) {
        // BEGIN SOLUTION
        if (query == null) {
            throw new IllegalArgumentException("query must not be null");
        }
        return new QueryCache<>(query);
        // END SOLUTION
    }

    /**
     * The cached result of a read, or the wrapped query's; a write runs and empties the cache.
     *
     * @throws IllegalArgumentException naming {@code sql} or {@code parameters} when it is null (nothing runs)
     */
    @Override
    public T run(String sql, List<?> parameters) throws SQLException {
        // BEGIN SOLUTION
        if (sql == null) {
            throw new IllegalArgumentException("sql must not be null");
        }
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        if (!isRead(sql)) {
            invalidateAll();
            try {
                return query.run(sql, parameters);
            } finally {
                // a read that began while the write ran may have seen the old rows: its entry goes too
                invalidateAll();
            }
        }
        Key key = Key.of(sql, parameters);
        while (true) {
            CompletableFuture<T> mine = new CompletableFuture<>();
            CompletableFuture<T> running = entries.putIfAbsent(key, mine);
            if (running == null) {
                return lead(key, mine, sql, parameters);
            }
            try {
                return running.join();
            } catch (CompletionException failed) {
                // the leader's run failed and cached nothing: try again, perhaps as the leader
            }
        }
        // END SOLUTION
    }

    /** Forgets every cached result: the next read of each key runs the query again. */
    public void invalidateAll() {
        // BEGIN SOLUTION
        entries.clear();
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private T lead(Key key, CompletableFuture<T> mine, String sql, List<?> parameters) throws SQLException {
        T result;
        try {
            result = query.run(sql, parameters);
        } catch (SQLException | RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(result);
        return result;
    }

    static boolean isRead(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int end = i;
        while (end < n && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(i, end).equalsIgnoreCase("SELECT");
    }

    /** The SQL and a deep copy of the parameters, compared by content. */
    private record Key(String sql, Object[] parameters) {
        static Key of(String sql, List<?> parameters) {
            Object[] copy = parameters.toArray();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = copyArrays(copy[i]);
            }
            return new Key(sql, copy);
        }

        private static Object copyArrays(Object value) {
            if (value instanceof Object[] array) {
                Object[] copy = array.clone();
                for (int i = 0; i < copy.length; i++) {
                    copy[i] = copyArrays(copy[i]);
                }
                return copy;
            }
            if (value != null && value.getClass().isArray()) {
                int length = Array.getLength(value);
                Object copy = Array.newInstance(value.getClass().getComponentType(), length);
                System.arraycopy(value, 0, copy, 0, length);
                return copy;
            }
            return value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && sql.equals(key.sql) && Arrays.deepEquals(parameters, key.parameters);
        }

        @Override
        public int hashCode() {
            return 31 * sql.hashCode() + Arrays.deepHashCode(parameters);
        }
    }
    // END SOLUTION
}
