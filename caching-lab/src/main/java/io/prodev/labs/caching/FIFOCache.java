package io.prodev.labs.caching;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * First in, first out: when full, a new key evicts the key that was put first. Updating a key keeps
 * its place in the queue.
 */
public class FIFOCache extends BaseCaching {
    // BEGIN SOLUTION: remove
    private final int capacity;
    // A LinkedHashMap keeps insertion order, and re-putting an existing key does not move it:
    // that is exactly FIFO order, with O(1) access to the oldest key.
    private final LinkedHashMap<String, Object> items = new LinkedHashMap<>();
    // END SOLUTION

    /** A cache of {@link #MAX_ITEMS} items that prints on standard output. */
    public FIFOCache() {
        this(MAX_ITEMS);
    }

    /** A cache of {@code capacity} items that prints on standard output. */
    public FIFOCache(int capacity) {
        this(capacity, STANDARD_OUT);
    }

    /**
     * @param capacity how many items the cache holds, at least 1
     * @param out      where eviction notices and {@link #printCache()} write their lines
     * @throws IllegalArgumentException when {@code capacity} is below 1
     */
    public FIFOCache(int capacity, Consumer<String> out) {
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
            String oldest = items.keySet().iterator().next();
            items.remove(oldest);
            discard(oldest);
        }
        items.put(key, item);
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
