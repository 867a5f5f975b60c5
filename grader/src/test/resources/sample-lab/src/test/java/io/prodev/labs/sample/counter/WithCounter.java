package io.prodev.labs.sample.counter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a counter server: declare a {@link CounterEndpoint} parameter. The server is the one
 * {@code COUNTER_PORT} names when set (the grader's warm test JVM), else one started for the test run. Its count
 * is zero when the run starts and is never reset during it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CounterExtension.class)
public @interface WithCounter {}
