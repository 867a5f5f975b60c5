package io.prodev.labs.grader.model;

/**
 * A learner file that did not compile and was swapped for its starter version.
 *
 * @param file    the file, relative to the lab ("src/main/java/.../LRUCache.java")
 * @param line    the first error's line, or 0
 * @param message the compiler's messages for that file, one per line, with file:line
 */
public record CompileProblem(String file, long line, String message) {}
