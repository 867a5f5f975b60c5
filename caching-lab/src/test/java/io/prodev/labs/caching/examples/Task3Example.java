package io.prodev.labs.caching.examples;

import io.prodev.labs.caching.LRUCache;

/**
 * The example of task 3 in README.md. {@code grader check} requires the README's code block to equal the
 * region between the tag lines, and the README's output block to equal what this prints on the reference.
 */
public final class Task3Example {

    private Task3Example() {}

    public static void main(String[] args) {
        // tag::example[]
        LRUCache cache = new LRUCache();
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.put("D", "School");
        cache.get("B"); // B is now the most recently used
        cache.put("E", "Battery"); // A has gone unused the longest
        cache.put("C", "Street"); // an update is a use too
        System.out.println(cache.get("A"));
        cache.put("F", "Mission"); // D is now the least recently used
        cache.printCache();
        // end::example[]
    }
}
