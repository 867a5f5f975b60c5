package io.prodev.labs.labkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How much a test counts within its task when the grader gives partial credit ({@code grade --partial}):
 * a task earns its points times the weight of its passed tests over the weight of all its tests. Every test
 * weighs 1 unless it, or its class, says otherwise; a method's weight wins. Give the tests of a core rule more
 * weight than those of a detail, so that breaking the core costs what it should. Without {@code --partial} a
 * task needs every test, whatever the weights, so a task's points in lab.json never change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Weight {

    /** A whole number from 1 to 100; the grader counts any other value as 1. */
    int value();
}
