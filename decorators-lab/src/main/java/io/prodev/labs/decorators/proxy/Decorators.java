package io.prodev.labs.decorators.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

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
     * A proxy of the interface {@code api} that passes each call to {@code target} through an {@link Interceptor} of
     * its own, which applies the annotations on the interface's methods; {@code equals}, {@code hashCode} and {@code
     * toString} go straight to the target. An exception the target throws reaches the caller as it was thrown (never
     * wrapped in the reflection's {@code InvocationTargetException}).
     *
     * @throws IllegalArgumentException naming the problem: a null argument, an {@code api} that is not an interface
     *     (a JDK proxy implements interfaces only), or a method {@link Interceptor#check} refuses
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
            Interceptor.check(method);
        }
        Interceptor interceptor = new Interceptor(options);
        InvocationHandler handler = (proxy, method, args) -> {
            if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                method.setAccessible(true); // a local or package-private interface: reflection needs the access
            }
            Invocation call = () -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause(); // what the target threw, not the reflection wrapper
                }
            };
            return method.getDeclaringClass() == Object.class
                    ? call.proceed()
                    : interceptor.intercept(method, args == null ? new Object[0] : args, call);
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
        // END SOLUTION
    }
}
