package io.prodev.labs.caching.examples;

import io.prodev.labs.caching.readthrough.ReadThroughCache;
import io.prodev.labs.labkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;

/**
 * The example of task 6 in README.md. {@code grader check} requires the README's code block to equal the
 * region between the tag lines, and the README's output block to equal what this prints on the reference.
 */
public final class Task6Example {

    private Task6Example() {}

    public static void main(String[] args) {
        // tag::example[]
        MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        ReadThroughCache<Long, String> titles = new ReadThroughCache<>(
                id -> {
                    System.out.println("loading " + id);
                    return "listing " + id;
                },
                Duration.ofMinutes(5),
                clock);

        System.out.println(titles.get(42L));
        System.out.println(titles.get(42L)); // fresh: no load
        clock.advance(Duration.ofMinutes(5)); // the entry expires exactly 5 minutes after its load
        System.out.println(titles.get(42L));
        // end::example[]
    }
}
