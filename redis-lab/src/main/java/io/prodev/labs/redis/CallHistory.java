package io.prodev.labs.redis;

import java.util.Objects;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;

/**
 * A decorator: wraps any one-argument method so that Redis keeps the history of its calls in two lists,
 * {@code <name>:inputs} and {@code <name>:outputs}, rendered as {@link CallRendering} says. The i-th output is
 * what the i-th call returned, or the exception it threw, so {@link Replay} can pair them.
 */
public final class CallHistory {

    private CallHistory() {}

    /** The list of a method's inputs. */
    public static String inputsKey(String name) {
        return name + ":inputs";
    }

    /** The list of a method's outputs. */
    public static String outputsKey(String name) {
        return name + ":outputs";
    }

    /**
     * {@code method}, but each call first RPUSHes its rendered input to {@code <name>:inputs}, and after it
     * RPUSHes the rendered output to {@code <name>:outputs}; a call that throws RPUSHes
     * {@link CallRendering#thrown} instead, then throws the same exception.
     *
     * @throws IllegalArgumentException naming the value, if {@code name} is null or blank
     */
    public static <T, R> Function<T, R> recorded(UnifiedJedis redis, String name, Function<T, R> method) {
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(method, "method");
        // BEGIN SOLUTION
        // STUB: return method; // Task 3: record each call's input before it runs and its output after
        CallNames.require(name);
        String inputs = inputsKey(name);
        String outputs = outputsKey(name);
        return input -> {
            redis.rpush(inputs, CallRendering.render(input));
            R output;
            try {
                output = method.apply(input);
            } catch (RuntimeException failure) {
                redis.rpush(outputs, CallRendering.thrown(failure));
                throw failure;
            }
            redis.rpush(outputs, CallRendering.render(output));
            return output;
        };
        // END SOLUTION
    }
}
