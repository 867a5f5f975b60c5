package io.prodev.labs.decorators.proxy;

import io.prodev.labs.decorators.QueryLog;
import io.prodev.labs.decorators.Retry;
import io.prodev.labs.decorators.RetryPolicy;
import io.prodev.labs.decorators.SqlSupplier;
import io.prodev.labs.decorators.Transactions;
import io.prodev.labs.decorators.annotations.CacheResult;
import io.prodev.labs.decorators.annotations.LogQueries;
import io.prodev.labs.decorators.annotations.Transactional;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task 6: what the annotations of {@code io.prodev.labs.decorators.annotations} do around one call, whatever made the
 * call reach us: the JDK proxy of {@link Decorators} (task 6) or the generated subclass of task 7. One interceptor
 * serves one decorated object, and holds that object's {@code @CacheResult} cache.
 *
 * <ul>
 *   <li>{@code @LogQueries}: one line to the log sink before the call, as task 0's {@code QueryLog} writes it, the
 *       method's first parameter (a {@code String}) as the SQL and the other arguments as its parameters.
 *   <li>{@code @CacheResult}: a call with the same method and equal arguments (arrays by content) as an earlier one
 *       that returned is answered with that result, {@code null} included, without calling on; a call that throws is
 *       not remembered.
 *   <li>{@code @Retry(attempts, delayMillis, on)}: as task 3's {@code Retry} with {@code RetryPolicy.of(attempts,
 *       delay, on)} and the options' sleeper.
 *   <li>{@code @Transactional}: as task 2's {@code Transactions}, on the method's first {@link Connection} argument.
 *   <li>Several on one method apply in this order, outermost first: {@code @LogQueries}, {@code @CacheResult},
 *       {@code @Retry}, {@code @Transactional}, then the call. So every call is logged, a cached answer is not
 *       retried, and each attempt of a retried call is a transaction of its own.
 *   <li>A method without these annotations is called straight through. What the call throws reaches the caller as it
 *       was thrown, never wrapped.
 * </ul>
 */
public final class Interceptor {

    // BEGIN SOLUTION: remove
    private final DecoratorOptions options;
    private final Map<CallKey, Optional<Object>> cache = new ConcurrentHashMap<>();
    // END SOLUTION

    /** An interceptor for one decorated object; {@code options} says where to log and how to wait. */
    public Interceptor(DecoratorOptions options) {
        // BEGIN SOLUTION
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        // END SOLUTION
    }

    /**
     * Refuses, before any call, a method its annotations cannot work on.
     *
     * @throws IllegalArgumentException naming the method and the problem: {@code @LogQueries} whose first parameter is
     *     not a {@code String}, {@code @Transactional} without a {@code Connection} parameter, a {@code @Retry} with
     *     attempts below 1 or a negative delay
     */
    public static void check(Method method) {
        // BEGIN SOLUTION
        Class<?>[] types = method.getParameterTypes();
        if (method.isAnnotationPresent(LogQueries.class) && (types.length == 0 || types[0] != String.class)) {
            throw new IllegalArgumentException(
                    "@LogQueries on " + method.getName() + ": its first parameter must be the SQL, a String");
        }
        if (method.isAnnotationPresent(Transactional.class) && connectionIndex(method) < 0) {
            throw new IllegalArgumentException("@Transactional on " + method.getName()
                    + ": it has no Connection parameter to run the transaction on");
        }
        io.prodev.labs.decorators.annotations.Retry retry =
                method.getAnnotation(io.prodev.labs.decorators.annotations.Retry.class);
        if (retry != null) {
            checkPolicy(retry, method);
        }
        // END SOLUTION
    }

    /**
     * Calls {@code call} with the annotations of {@code method} around it.
     *
     * @param args the call's arguments, an empty array for none
     */
    public Object intercept(Method method, Object[] args, Invocation call) throws Throwable {
        // BEGIN SOLUTION
        Invocation step = call;
        if (method.isAnnotationPresent(Transactional.class)) {
            Invocation inner = step;
            Connection connection = (Connection) args[connectionIndex(method)];
            step = () -> unwrapping(
                    () -> Transactions.transactional(c -> carry(inner)).apply(connection));
        }
        io.prodev.labs.decorators.annotations.Retry retry =
                method.getAnnotation(io.prodev.labs.decorators.annotations.Retry.class);
        if (retry != null) {
            Invocation inner = step;
            RetryPolicy policy = RetryPolicy.of(
                            retry.attempts(), Duration.ofMillis(retry.delayMillis()), TransientFailure.class)
                    .withSleeper(options.sleeper());
            step = () -> {
                try {
                    return Retry.retrying(() -> attempt(inner, retry.on()), policy)
                            .get();
                } catch (Failure failure) {
                    throw failure.original();
                }
            };
        }
        if (method.isAnnotationPresent(CacheResult.class)) {
            Invocation inner = step;
            CallKey key = new CallKey(method, (Object[]) copy(args));
            step = () -> {
                Optional<Object> cached = cache.get(key);
                if (cached != null) {
                    return cached.orElse(null);
                }
                Object result = inner.proceed();
                cache.put(key, Optional.ofNullable(result));
                return result;
            };
        }
        if (method.isAnnotationPresent(LogQueries.class)) {
            Invocation inner = step;
            List<Object> parameters = Arrays.asList(Arrays.copyOfRange(args, 1, args.length));
            step = () ->
                    unwrapping(() -> QueryLog.logQueries((sql, p) -> carry(inner), options.logSink(), options.clock())
                            .run((String) args[0], parameters));
        }
        return step.proceed();
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** Builds the policy the annotation stands for, only for the name of a bad value that RetryPolicy gives. */
    private static void checkPolicy(io.prodev.labs.decorators.annotations.Retry retry, Method method) {
        try {
            RetryPolicy.of(retry.attempts(), Duration.ofMillis(retry.delayMillis()), retry.on());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "@Retry(attempts = " + retry.attempts() + ", delayMillis = " + retry.delayMillis() + ") on "
                            + method.getName() + ": " + e.getMessage(),
                    e);
        }
    }

    private static int connectionIndex(Method method) {
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (Connection.class.isAssignableFrom(types[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Runs a step inside the JDBC-shaped lambdas of tasks 0 and 2, which may throw only {@code SQLException}s and
     * unchecked exceptions: anything else goes out carried, for {@link #unwrapping} to throw as it was.
     */
    private static Object carry(Invocation step) throws SQLException {
        try {
            return step.proceed();
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable other) {
            throw new Carried(other);
        }
    }

    private static Object unwrapping(SqlSupplier<Object> work) throws Throwable {
        try {
            return work.get();
        } catch (Carried carried) {
            Throwable original = carried.getCause();
            for (Throwable later : carried.getSuppressed()) { // a failed rollback, say
                original.addSuppressed(later);
            }
            throw original;
        }
    }

    /** Carries an exception the JDBC-shaped interfaces of tasks 0 to 3 cannot throw, to be thrown as it was. */
    private static final class Carried extends RuntimeException {
        Carried(Throwable cause) {
            super(null, cause, true, false); // suppression on: a failed rollback is added to it
        }
    }

    /**
     * One attempt for task 3's {@code Retry}, whose policy can only test a failure's own type: every failure goes out
     * wrapped, as a {@link TransientFailure} (the only type the policy retries) when its type is one of {@code on}.
     */
    private static Object attempt(Invocation step, Class<? extends Exception>[] on) {
        try {
            return step.proceed();
        } catch (Throwable failure) {
            for (Class<? extends Exception> type : on) {
                if (type.isInstance(failure)) {
                    throw new TransientFailure(failure);
                }
            }
            throw new Failure(failure);
        }
    }

    /** A failed attempt, wrapped; {@code Retry} attaches the earlier attempts' failures to the last as suppressed. */
    private static class Failure extends RuntimeException {
        Failure(Throwable cause) {
            super(null, cause, true, false); // suppression on, for Retry; no stack trace of its own
        }

        /** The last attempt's own exception, with the earlier attempts' own exceptions (unwrapped) suppressed. */
        Throwable original() {
            Throwable original = getCause();
            for (Throwable earlier : getSuppressed()) {
                Throwable unwrapped = earlier instanceof Failure failure ? failure.getCause() : earlier;
                if (unwrapped != original) {
                    original.addSuppressed(unwrapped);
                }
            }
            return original;
        }
    }

    private static final class TransientFailure extends Failure {
        TransientFailure(Throwable cause) {
            super(cause);
        }
    }

    /** A copy of an argument, arrays copied all the way down, so a caller changing its array cannot change a key. */
    private static Object copy(Object value) {
        if (value instanceof Object[] array) {
            Object[] copy = array.clone();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = copy(copy[i]);
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

    /** A method and its arguments, equal when the arguments are equal, arrays compared by content. */
    private record CallKey(Method method, Object[] args) {
        @Override
        public boolean equals(Object other) {
            return other instanceof CallKey key && method.equals(key.method) && Arrays.deepEquals(args, key.args);
        }

        @Override
        public int hashCode() {
            return 31 * method.hashCode() + Arrays.deepHashCode(args);
        }
    }
    // END SOLUTION
}
