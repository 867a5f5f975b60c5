package io.prodev.labs.caching.examples;

import io.prodev.labs.caching.LFUCache;

/**
 * The example of task 5 in README.md. {@code grader check} requires the README's code block to equal the
 * region between the tag lines, and the README's output block to equal what this prints on the reference.
 */
public final class Task5Example {

    private Task5Example() {}

    public static void main(String[] args) {
        // tag::example[]
        LFUCache cache = new LFUCache();
        cache.put("A", "Hello");
        cache.get("A");
        cache.get("A"); // A: 3 uses
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.put("D", "School");
        cache.put("E", "Battery"); // B, C, D have 1 use; B is the least recent of them (LRU would drop A)
        cache.put("C", "Street"); // C: 2 uses
        cache.put("F", "Mission"); // D and E have 1 use; D is older
        cache.printCache();
        // end::example[]
    }
}
