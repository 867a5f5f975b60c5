package io.prodev.labs.caching;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What every cache of this lab shares: the {@code put}/{@code get} API, {@link #printCache()}, and
 * where printed lines go.
 *
 * <p>Each cache prints through a line sink chosen at construction: {@link #STANDARD_OUT} by default,
 * {@link #SILENT} for a cache that should say nothing (benchmarks, a local cache inside a service),
 * or any {@code Consumer<String>}, such as {@code lines::add} in a test.
 */
public abstract class BaseCaching {

    /** How many items a bounded cache holds when no capacity is given. */
    public static final int MAX_ITEMS = 4;

    /** Prints each line on standard output, looked up at print time so a redirected System.out is honoured. */
    public static final Consumer<String> STANDARD_OUT = line -> System.out.println(line);

    /** Drops every line. */
    public static final Consumer<String> SILENT = line -> {};

    private final Consumer<String> out;

    /** @param out where {@link #printCache()} and eviction notices write their lines */
    protected BaseCaching(Consumer<String> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Stores {@code item} under {@code key}. Does nothing when either is null.
     */
    public abstract void put(String key, Object item);

    /**
     * The item stored under {@code key}, or null when {@code key} is null or not in the cache.
     */
    public abstract Object get(String key);

    /**
     * A copy of every key and item the cache holds now, in any order. Reading it does not count as a use.
     */
    protected abstract Map<String, Object> snapshot();

    /**
     * Prints {@code Current cache:}, then one {@code key: item} line per entry, sorted by key.
     */
    public void printCache() {
        // BEGIN SOLUTION
        printLine("Current cache:");
        // A TreeMap sorts by key, so the listing is the same whatever order the cache keeps internally.
        new TreeMap<>(snapshot()).forEach((key, item) -> printLine(key + ": " + item));
        // END SOLUTION
    }

    /** Writes one line to this cache's sink. */
    protected final void printLine(String line) {
        out.accept(line);
    }

    /** Announces that {@code key} was evicted: prints {@code DISCARD: key}. */
    protected final void discard(String key) {
        printLine("DISCARD: " + key);
    }

    /**
     * Checks a capacity given to a constructor.
     *
     * @return {@code capacity}, when it is at least 1
     * @throws IllegalArgumentException naming the value, when it is below 1
     */
    protected static int requireCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got: " + capacity);
        }
        return capacity;
    }
}
