package io.prodev.labs.caching;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Least frequently used: when full, a new key evicts the key used the fewest times, a put and a get
 * each counting as a use. Among keys used equally often, the least recently used one goes.
 *
 * <p>Every get and put is O(1): keys sit in buckets by use count, and the lowest count is tracked,
 * so neither a use nor an eviction scans the cache.
 */
public class LFUCache extends BaseCaching {
    // BEGIN SOLUTION: remove
    private final int capacity;
    private final Map<String, Entry> entries = new HashMap<>();
    // Each bucket keeps its keys in the order they reached its count, which is the order of their
    // latest use: the first key of a bucket is its least recently used one.
    private final Map<Integer, LinkedHashSet<String>> keysByUses = new HashMap<>();
    // The lowest use count in the cache, so the victim's bucket is found without a scan.
    private int minUses;

    private static final class Entry {
        Object item;
        int uses = 1;

        Entry(Object item) {
            this.item = item;
        }
    }
    // END SOLUTION

    /** A cache of {@link #MAX_ITEMS} items that prints on standard output. */
    public LFUCache() {
        this(MAX_ITEMS);
    }

    /** A cache of {@code capacity} items that prints on standard output. */
    public LFUCache(int capacity) {
        this(capacity, STANDARD_OUT);
    }

    /**
     * @param capacity how many items the cache holds, at least 1
     * @param out      where eviction notices and {@link #printCache()} write their lines
     * @throws IllegalArgumentException when {@code capacity} is below 1
     */
    public LFUCache(int capacity, Consumer<String> out) {
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
        Entry entry = entries.get(key);
        if (entry != null) {
            entry.item = item;
            countUse(key, entry);
            return;
        }
        if (entries.size() == capacity) {
            evictOne();
        }
        entries.put(key, new Entry(item));
        bucket(1).add(key);
        minUses = 1;
        // END SOLUTION
    }

    @Override
    public Object get(String key) {
        // BEGIN SOLUTION
        Entry entry = key == null ? null : entries.get(key);
        if (entry == null) {
            return null;
        }
        countUse(key, entry);
        return entry.item;
        // END SOLUTION
    }

    @Override
    protected Map<String, Object> snapshot() {
        // BEGIN SOLUTION
        Map<String, Object> copy = new HashMap<>();
        entries.forEach((key, entry) -> copy.put(key, entry.item));
        return copy;
        // END SOLUTION
    }

    // BEGIN SOLUTION: remove
    /** Moves {@code key} from its bucket to the next one up, at the most recent end. */
    private void countUse(String key, Entry entry) {
        LinkedHashSet<String> from = keysByUses.get(entry.uses);
        from.remove(key);
        if (from.isEmpty()) {
            keysByUses.remove(entry.uses);
            if (minUses == entry.uses) {
                minUses++;
            }
        }
        entry.uses++;
        bucket(entry.uses).add(key);
    }

    private void evictOne() {
        LinkedHashSet<String> rarest = keysByUses.get(minUses);
        String victim = rarest.iterator().next();
        rarest.remove(victim);
        if (rarest.isEmpty()) {
            keysByUses.remove(minUses);
        }
        entries.remove(victim);
        discard(victim);
    }

    private LinkedHashSet<String> bucket(int uses) {
        return keysByUses.computeIfAbsent(uses, ignored -> new LinkedHashSet<>());
    }
    // END SOLUTION
}
