package io.prodev.labs.caching.examples;

import io.prodev.labs.caching.LIFOCache;

/**
 * The example of task 2 in README.md. {@code grader check} requires the README's code block to equal the
 * region between the tag lines, and the README's output block to equal what this prints on the reference.
 */
public final class Task2Example {

    private Task2Example() {}

    public static void main(String[] args) {
        // tag::example[]
        LIFOCache cache = new LIFOCache();
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.put("D", "School");
        cache.put("E", "Battery"); // D was put last
        cache.put("C", "Street"); // an update: C is now the last put
        cache.put("F", "Mission");
        cache.put("G", "San Francisco");
        cache.printCache();
        // end::example[]
    }
}
