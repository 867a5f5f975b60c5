package io.prodev.labs.sample;

import java.util.HashMap;
import java.util.Map;

/** Task 2: counts how many times each key was added. */
public final class Tally {
    // BEGIN SOLUTION: remove
    private final Map<String, Integer> counts = new HashMap<>();
    // END SOLUTION

    /**
     * Adds one to the count of {@code key}.
     *
     * @throws IllegalArgumentException when {@code key} is null
     */
    public void add(String key) {
        // BEGIN SOLUTION
        if (key == null) {
            throw new IllegalArgumentException("a tally counts keys, not null");
        }
        counts.merge(key, 1, Integer::sum);
        // END SOLUTION
    }

    /** How many times {@code key} was added: 0 for a key never added, and for null. */
    public int count(String key) {
        // BEGIN SOLUTION
        return key == null ? 0 : counts.getOrDefault(key, 0);
        // END SOLUTION
    }

    /** How many different keys were added. */
    public int distinctKeys() {
        // BEGIN SOLUTION
        return counts.size();
        // END SOLUTION
    }
}
