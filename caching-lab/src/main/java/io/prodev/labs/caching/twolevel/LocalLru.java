package io.prodev.labs.caching.twolevel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The in-process level (L1) of {@link TwoLevelCache}: a small LRU map, given to you so that task 8
 * is about the two levels and pub/sub, not about eviction (that was task 3).
 *
 * <p>It also guards against a race that would leave a stale value in L1 for good: a reader misses L1,
 * reads the old value from Redis, an invalidation for that key arrives and removes nothing, and then
 * the reader stores the old value. To prevent it, every invalidation bumps a generation counter; a
 * reader notes the generation before it reads Redis and {@link #putIfNotInvalidatedSince} stores the
 * value only if no invalidation came in between. All methods are synchronized on this object.
 */
final class LocalLru {

    private final Map<String, String> entries;
    private long generation;

    LocalLru(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("L1 capacity must be at least 1, got: " + capacity);
        }
        // Access order: get() moves an entry to the end, so the eldest entry is the least recently used.
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value, or null; marks the key as most recently used. */
    synchronized String get(String key) {
        return entries.get(key);
    }

    synchronized boolean contains(String key) {
        return entries.containsKey(key);
    }

    /** Note this before reading the value from the shared level. */
    synchronized long generation() {
        return generation;
    }

    /** Stores the value unless an invalidation arrived after {@code seenGeneration} was read. */
    synchronized void putIfNotInvalidatedSince(long seenGeneration, String key, String value) {
        if (generation == seenGeneration) {
            entries.put(key, value);
        }
    }

    /** Removes the key, and makes loads that started before this call skip storing their value. */
    synchronized void invalidate(String key) {
        generation++;
        entries.remove(key);
    }

    /** Empties the map, e.g. when invalidations can no longer be trusted to arrive. */
    synchronized void clear() {
        generation++;
        entries.clear();
    }
}
