package io.prodev.labs.caching.examples;

import io.prodev.labs.caching.FIFOCache;

/**
 * The example of task 1 in README.md. {@code grader check} requires the README's code block to equal the
 * region between the tag lines, and the README's output block to equal what this prints on the reference.
 */
public final class Task1Example {

    private Task1Example() {}

    public static void main(String[] args) {
        // tag::example[]
        FIFOCache cache = new FIFOCache();
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.put("D", "School");
        cache.put("E", "Battery"); // the cache is full: A was put first
        cache.put("C", "Street"); // an update: nothing is evicted
        cache.put("F", "Mission");
        cache.printCache();
        // end::example[]
    }
}
