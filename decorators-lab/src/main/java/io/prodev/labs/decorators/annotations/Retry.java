package io.prodev.labs.decorators.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;

/** Retry the call as task 3 does: at most {@code attempts} calls, {@code delayMillis} apart, on the {@code on} types. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Retry {
    int attempts() default 3;

    long delayMillis() default 0;

    Class<? extends Exception>[] on() default {SQLException.class};
}
