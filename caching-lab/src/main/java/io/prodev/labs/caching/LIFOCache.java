package io.prodev.labs.caching;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Last in, first out: when full, a new key evicts the key that was put last. Updating a key is a put,
 * so it makes that key the last one.
 */
public class LIFOCache extends BaseCaching {
    // BEGIN SOLUTION: remove
    private final int capacity;
    private final Map<String, Object> items = new HashMap<>();
    // Only the newest key can ever be evicted, and an eviction happens only inside a put that then
    // becomes the newest: one field is the whole stack we need.
    private String lastPut;
    // END SOLUTION

    /** A cache of {@link #MAX_ITEMS} items that prints on standard output. */
    public LIFOCache() {
        this(MAX_ITEMS);
    }

    /** A cache of {@code capacity} items that prints on standard output. */
    public LIFOCache(int capacity) {
        this(capacity, STANDARD_OUT);
    }

    /**
     * @param capacity how many items the cache holds, at least 1
     * @param out      where eviction notices and {@link #printCache()} write their lines
     * @throws IllegalArgumentException when {@code capacity} is below 1
     */
    public LIFOCache(int capacity, Consumer<String> out) {
        super(out);
        // BEGIN SOLUTION
        this.capacity = requireCapacity(capacity);
        // END SOLUTION
    }

    @Override
    public void put(String key, Object item) {
        // BEGIN SOLUTION
        if (key == null || item == null) {
            return;
        }
        if (!items.containsKey(key) && items.size() == capacity) {
            items.remove(lastPut);
            discard(lastPut);
        }
        items.put(key, item);
        lastPut = key;
        // END SOLUTION
    }

    @Override
    public Object get(String key) {
        // BEGIN SOLUTION
        return key == null ? null : items.get(key);
        // END SOLUTION
    }

    @Override
    protected Map<String, Object> snapshot() {
        // BEGIN SOLUTION
        return Map.copyOf(items);
        // END SOLUTION
    }
}
