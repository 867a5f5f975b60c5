package io.prodev.labs.caching;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A cache with no limit: it keeps every item it is given and never evicts.
 */
public class BasicCache extends BaseCaching {
    // BEGIN SOLUTION: remove
    private final Map<String, Object> items = new HashMap<>();
    // END SOLUTION

    /** A cache that prints on standard output. */
    public BasicCache() {
        this(STANDARD_OUT);
    }

    /** @param out where {@link #printCache()} writes its lines */
    public BasicCache(Consumer<String> out) {
        super(out);
    }

    @Override
    public void put(String key, Object item) {
        // BEGIN SOLUTION
        if (key == null || item == null) {
            return;
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
