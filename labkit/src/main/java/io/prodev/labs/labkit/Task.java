package io.prodev.labs.labkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which task of the lab's catalogue (lab.json) a test checks.
 *
 * <p>Put it on a test class, or on a method to override the class. Every test of a lab belongs to
 * exactly one task: the per-task summary, {@code -Dtask=ID} and the grader all read this annotation.
 *
 * <pre>{@code
 * @Task("3")
 * class LRUCacheTest { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Task {

    /** The task id, as written in the lab's catalogue ("0", "1", ...). */
    String value();
}
