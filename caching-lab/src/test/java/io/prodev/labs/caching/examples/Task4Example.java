package io.prodev.labs.caching.examples;

import io.prodev.labs.caching.MRUCache;

/**
 * The example of task 4 in README.md. {@code grader check} requires the README's code block to equal the
 * region between the tag lines, and the README's output block to equal what this prints on the reference.
 */
public final class Task4Example {

    private Task4Example() {}

    public static void main(String[] args) {
        // tag::example[]
        MRUCache cache = new MRUCache();
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.put("D", "School");
        cache.get("B"); // B is now the most recently used
        cache.put("E", "Battery");
        cache.put("C", "Street");
        System.out.println(cache.get("A")); // A is now the most recently used
        cache.put("F", "Mission");
        cache.printCache();
        // end::example[]
    }
}
