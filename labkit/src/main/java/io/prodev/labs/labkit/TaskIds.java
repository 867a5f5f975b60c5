package io.prodev.labs.labkit;

import java.util.Optional;

/** Finds the task a test class or method belongs to, from its {@link Task} annotation. */
public final class TaskIds {

    private TaskIds() {}

    /** The task of a test class, looking outwards through enclosing classes. */
    public static Optional<String> of(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Task task = type.getAnnotation(Task.class);
            if (task != null) {
                return Optional.of(task.value());
            }
        }
        return Optional.empty();
    }

    /** Whether the class, or one it is nested in, is {@link Hidden}. */
    public static boolean isHidden(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            if (type.isAnnotationPresent(Hidden.class)) {
                return true;
            }
        }
        return false;
    }
}
