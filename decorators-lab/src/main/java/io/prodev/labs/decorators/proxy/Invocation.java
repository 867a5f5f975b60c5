package io.prodev.labs.decorators.proxy;

/**
 * The call an {@link Interceptor} wraps: the target's method (task 6) or the superclass's (task 7). It throws what
 * that method throws, checked exceptions included, as they are.
 */
@FunctionalInterface
public interface Invocation {
    Object proceed() throws Throwable;
}
