package io.prodev.labs.decorators;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts: {@link #real()} sleeps the thread; tests pass one that records the delays instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration delay) throws InterruptedException;

    /** Sleeps the calling thread for the delay, to the nanosecond the platform allows. */
    static Sleeper real() {
        return delay -> TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }
}
