package io.prodev.labs.decorators.proxy;

import io.prodev.labs.decorators.QueryLog;
import io.prodev.labs.decorators.Retry;
import io.prodev.labs.decorators.RetryPolicy;
import io.prodev.labs.decorators.Transactions;
import io.prodev.labs.decorators.annotations.CacheResult;
import io.prodev.labs.decorators.annotations.LogQueries;
import io.prodev.labs.decorators.annotations.Transactional;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task 6: the annotations of {@code io.prodev.labs.decorators.annotations} applied at run time by a JDK dynamic
 * proxy, as Spring applies {@code @Transactional}: the caller gets an object of the interface whose annotated methods
 * do what tasks 0 to 3 do, and a cache, around the target's own.
 */
public final class Decorators {

    private Decorators() {}

    /** {@link #decorate(Class, Object, DecoratorOptions)} with {@link DecoratorOptions#defaults()}. */
    public static <T> T decorate(Class<T> api, T target) {
        return decorate(api, target, DecoratorOptions.defaults());
    }

    /**
     * A proxy of the interface {@code api} that passes each call to {@code target}, applying the annotations on the
     * interface's methods.
     *
     * <ul>
     *   <li>{@code @LogQueries}: one line to the log sink before the call, as task 0's {@code QueryLog} writes it,
     *       the method's first parameter (a {@code String}) as the SQL and the other arguments as its parameters.
     *   <li>{@code @CacheResult}: a call with the same method and equal arguments (arrays by content) as an earlier one
     *       that returned is answered with that result, {@code null} included, without calling on; a call that throws
     *       is not remembered. Each proxy has a cache of its own.
     *   <li>{@code @Retry(attempts, delayMillis, on)}: as task 3's {@code Retry} with {@code RetryPolicy.of(attempts,
     *       delay, on)} and the options' sleeper.
     *   <li>{@code @Transactional}: as task 2's {@code Transactions}, on the method's first {@link Connection}
     *       argument.
     *   <li>Several on one method apply in this order, outermost first: {@code @LogQueries}, {@code @CacheResult},
     *       {@code @Retry}, {@code @Transactional}, then the target. So every call is logged, a cached answer is not
     *       retried, and each attempt of a retried call is a transaction of its own.
     *   <li>Methods without these annotations, and {@code equals}, {@code hashCode} and {@code toString}, go straight
     *       to the target. An exception the target throws reaches the caller as it was thrown (never wrapped).
     * </ul>
     *
     * @throws IllegalArgumentException naming the problem: a null argument, an {@code api} that is not an interface,
     *     a method with {@code @LogQueries} whose first parameter is not a {@code String}, one with {@code
     *     @Transactional} without a {@code Connection} parameter, a {@code @Retry} with attempts below 1 or a negative
     *     delay
     */
    public static <T> T decorate(Class<T> api, T target, DecoratorOptions options) {
        // BEGIN SOLUTION
        if (api == null || target == null || options == null) {
            throw new IllegalArgumentException(
                    (api == null ? "api" : target == null ? "target" : "options") + " must not be null");
        }
        if (!api.isInterface()) {
            throw new IllegalArgumentException(
                    api.getName() + " is not an interface: a JDK proxy implements " + "interfaces only");
        }
        for (Method method : api.getMethods()) {
            check(method);
        }
        return api.cast(
                Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, new Decorating(target, options)));
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    private static void check(Method method) {
        Class<?>[] types = method.getParameterTypes();
        if (method.isAnnotationPresent(LogQueries.class) && (types.length == 0 || types[0] != String.class)) {
            throw new IllegalArgumentException(
                    "@LogQueries on " + method.getName() + ": its first parameter must be " + "the SQL, a String");
        }
        if (method.isAnnotationPresent(Transactional.class) && connectionIndex(method) < 0) {
            throw new IllegalArgumentException("@Transactional on " + method.getName() + ": it has no Connection "
                    + "parameter to run the transaction on");
        }
        io.prodev.labs.decorators.annotations.Retry retry =
                method.getAnnotation(io.prodev.labs.decorators.annotations.Retry.class);
        if (retry != null) {
            policy(retry, DecoratorOptions.defaults(), method); // the record names a bad value
        }
    }

    private static RetryPolicy policy(
            io.prodev.labs.decorators.annotations.Retry retry, DecoratorOptions options, Method method) {
        try {
            return RetryPolicy.of(retry.attempts(), Duration.ofMillis(retry.delayMillis()), retry.on())
                    .withSleeper(options.sleeper());
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

    /** One step of a call: the target, or a decorator around the steps inside it. */
    @FunctionalInterface
    private interface Step {
        Object call() throws Throwable;
    }

    /** Carries an exception the JDBC-shaped interfaces of tasks 0 to 3 cannot throw, to be thrown as it was. */
    private static final class Carried extends RuntimeException {
        Carried(Throwable cause) {
            super(cause);
        }
    }

    private static final class Decorating implements InvocationHandler {
        private final Object target;
        private final DecoratorOptions options;
        private final Map<CallKey, Optional<Object>> cache = new ConcurrentHashMap<>();

        Decorating(Object target, DecoratorOptions options) {
            this.target = target;
            this.options = options;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] given) throws Throwable {
            Object[] args = given == null ? new Object[0] : given;
            Step step = () -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            if (method.getDeclaringClass() == Object.class) {
                return step.call();
            }
            if (method.isAnnotationPresent(Transactional.class)) {
                Step inner = step;
                Connection connection = (Connection) args[connectionIndex(method)];
                step = () -> Transactions.transactional(c -> carry(inner)).apply(connection);
            }
            io.prodev.labs.decorators.annotations.Retry retry =
                    method.getAnnotation(io.prodev.labs.decorators.annotations.Retry.class);
            if (retry != null) {
                Step inner = step;
                RetryPolicy policy = policy(retry, options, method);
                step = () -> Retry.retrying(() -> carry(inner), policy).get();
            }
            if (method.isAnnotationPresent(CacheResult.class)) {
                Step inner = step;
                CallKey key = new CallKey(method, args.clone());
                step = () -> {
                    Optional<Object> cached = cache.get(key);
                    if (cached != null) {
                        return cached.orElse(null);
                    }
                    Object result = inner.call();
                    cache.put(key, Optional.ofNullable(result));
                    return result;
                };
            }
            if (method.isAnnotationPresent(LogQueries.class)) {
                Step inner = step;
                List<Object> parameters = Arrays.asList(Arrays.copyOfRange(args, 1, args.length));
                step = () -> QueryLog.logQueries((sql, p) -> carry(inner), options.logSink(), options.clock())
                        .run((String) args[0], parameters);
            }
            try {
                return step.call();
            } catch (Carried carried) {
                throw carried.getCause();
            }
        }

        /** Runs a step inside a JDBC-shaped lambda: what it cannot throw as it is goes out carried. */
        private static Object carry(Step step) throws SQLException {
            try {
                return step.call();
            } catch (SQLException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable other) {
                throw new Carried(other);
            }
        }
    }

    /** A method and its arguments, equal when the arguments are equal, arrays compared by content. */
    private static final class CallKey {
        private final Method method;
        private final Object[] args;

        CallKey(Method method, Object[] args) {
            this.method = method;
            this.args = args;
        }

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
