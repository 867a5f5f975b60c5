package io.prodev.labs.decorators.proxy;

import io.prodev.labs.decorators.QueryLog;
import io.prodev.labs.decorators.Retry;
import io.prodev.labs.decorators.RetryPolicy;
import io.prodev.labs.decorators.Transactions;
import io.prodev.labs.decorators.annotations.CacheResult;
import io.prodev.labs.decorators.annotations.LogQueries;
import io.prodev.labs.decorators.annotations.Transactional;
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
            policy(retry, method); // RetryPolicy names a bad value
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
            step = () -> Transactions.transactional(c -> carry(inner)).apply(connection);
        }
        io.prodev.labs.decorators.annotations.Retry retry =
                method.getAnnotation(io.prodev.labs.decorators.annotations.Retry.class);
        if (retry != null) {
            Invocation inner = step;
            RetryPolicy policy = policy(retry, method).withSleeper(options.sleeper());
            step = () -> Retry.retrying(() -> carry(inner), policy).get();
        }
        if (method.isAnnotationPresent(CacheResult.class)) {
            Invocation inner = step;
            CallKey key = new CallKey(method, args.clone());
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
            step = () -> QueryLog.logQueries((sql, p) -> carry(inner), options.logSink(), options.clock())
                    .run((String) args[0], parameters);
        }
        try {
            return step.proceed();
        } catch (Carried carried) {
            throw carried.getCause();
        }
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static RetryPolicy policy(io.prodev.labs.decorators.annotations.Retry retry, Method method) {
        try {
            return RetryPolicy.of(retry.attempts(), Duration.ofMillis(retry.delayMillis()), retry.on());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@Retry on " + method.getName() + ": " + e.getMessage(), e);
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

    /** Runs a step inside a JDBC-shaped lambda of tasks 0 to 3: what it cannot throw as it is goes out carried. */
    private static Object carry(Invocation step) throws SQLException {
        try {
            return step.proceed();
        } catch (SQLException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable other) {
            throw new Carried(other);
        }
    }

    /** Carries an exception the JDBC-shaped interfaces of tasks 0 to 3 cannot throw, to be thrown as it was. */
    private static final class Carried extends RuntimeException {
        Carried(Throwable cause) {
            super(cause);
        }
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
