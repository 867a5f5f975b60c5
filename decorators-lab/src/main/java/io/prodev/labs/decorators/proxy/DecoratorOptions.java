package io.prodev.labs.decorators.proxy;

import io.prodev.labs.decorators.Sleeper;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What the annotations need from outside: where {@code @LogQueries} writes and the clock it reads, and how
 * {@code @Retry} waits.
 */
public record DecoratorOptions(Consumer<String> logSink, Clock clock, Sleeper sleeper) {

    public DecoratorOptions {
        if (logSink == null) {
            throw new IllegalArgumentException("logSink must not be null");
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        if (sleeper == null) {
            throw new IllegalArgumentException("sleeper must not be null");
        }
    }

    /** Logs to standard output, the system clock, real sleeping. */
    public static DecoratorOptions defaults() {
        return new DecoratorOptions(System.out::println, Clock.systemUTC(), Sleeper.real());
    }
}
