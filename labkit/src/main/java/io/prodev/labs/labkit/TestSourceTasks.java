package io.prodev.labs.labkit;

import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * Maps what the JUnit Platform knows of a test (its {@link TestSource}) to a task id. A dynamic or
 * parameterized test with no source of its own takes the task of the nearest ancestor that has one.
 */
public final class TestSourceTasks {

    private TestSourceTasks() {}

    /**
     * @param node      a test or container
     * @param sourceOf  the node's source, if any
     * @param parentOf  the node's parent, if any
     */
    public static <N> Optional<String> taskOf(
            N node, Function<N, Optional<TestSource>> sourceOf, Function<N, Optional<N>> parentOf) {
        for (Optional<N> current = Optional.of(node); current.isPresent(); current = current.flatMap(parentOf)) {
            Optional<String> task = sourceOf.apply(current.get()).flatMap(TestSourceTasks::taskOf);
            if (task.isPresent()) {
                return task;
            }
        }
        return Optional.empty();
    }

    /** The task of one source: the method's (or its class's) for a method, the class's for a class. */
    public static Optional<String> taskOf(TestSource source) {
        if (source instanceof MethodSource method) {
            // The method's own @Task, else the task of the class that runs it: for a test inherited from
            // an abstract base, that is the subclass (the source's class), not the method's declaring class.
            try {
                Task own = method.getJavaMethod().getAnnotation(Task.class);
                if (own != null) {
                    return Optional.of(own.value());
                }
            } catch (RuntimeException methodNotLoadable) {
                // fall back to the class
            }
            return classTask(method.getClassName());
        }
        if (source instanceof ClassSource type) {
            return classTask(type.getClassName());
        }
        return Optional.empty();
    }

    private static Optional<String> classTask(String className) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return TaskIds.of(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
