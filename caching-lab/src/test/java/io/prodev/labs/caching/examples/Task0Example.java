package io.prodev.labs.caching.examples;

import io.prodev.labs.caching.BasicCache;

/**
 * The example of task 0 in README.md. {@code grader check} requires the README's code block to equal the
 * region between the tag lines, and the README's output block to equal what this prints on the reference.
 */
public final class Task0Example {

    private Task0Example() {}

    public static void main(String[] args) {
        // tag::example[]
        BasicCache cache = new BasicCache();
        cache.printCache();
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.printCache();
        System.out.println(cache.get("A"));
        System.out.println(cache.get("D"));
        cache.put("A", "Street");
        cache.put(null, "ignored");
        cache.printCache();
        // end::example[]
    }
}
