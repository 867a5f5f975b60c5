package io.prodev.labs.caching;

import io.prodev.labs.caching.workload.HitRatio;
import io.prodev.labs.caching.workload.ZipfKeys;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The demo: plays the same short script on each eviction policy, so their DISCARD lines can be
 * compared, then measures each policy's hit ratio on a skewed stream of requests.
 *
 * <p>Run it with {@code ./mvnw -q -pl caching-lab -am compile exec:java}.
 */
public final class Main {

    private record Policy(String name, BiFunction<Integer, Consumer<String>, BaseCaching> newCache) {}

    private static final List<Policy> POLICIES = List.of(
            new Policy("FIFO", FIFOCache::new),
            new Policy("LIFO", LIFOCache::new),
            new Policy("LRU", LRUCache::new),
            new Policy("MRU", MRUCache::new),
            new Policy("LFU", LFUCache::new));

    private static final int DISTINCT_KEYS = 10_000;
    private static final double ZIPF_EXPONENT = 0.99;
    private static final int REQUESTS = 200_000;
    private static final long SEED = 42;
    private static final int[] CAPACITIES = {10, 100, 1_000};

    private Main() {}

    public static void main(String[] args) {
        for (Policy policy : POLICIES) {
            walkThrough(policy);
        }
        printHitRatios();
    }

    /** The classic script: fill the cache, read B, overflow with E, update C, read, overflow with F. */
    private static void walkThrough(Policy policy) {
        System.out.printf("== %s cache of %d ==%n", policy.name(), BaseCaching.MAX_ITEMS);
        BaseCaching cache = policy.newCache().apply(BaseCaching.MAX_ITEMS, BaseCaching.STANDARD_OUT);
        put(cache, "A", "Hello");
        put(cache, "B", "World");
        put(cache, "C", "Holberton");
        put(cache, "D", "School");
        get(cache, "B");
        put(cache, "E", "Battery");
        put(cache, "C", "Street");
        get(cache, "A");
        get(cache, "B");
        get(cache, "C");
        put(cache, "F", "Mission");
        cache.printCache();
        System.out.println();
    }

    private static void put(BaseCaching cache, String key, String item) {
        System.out.printf("> put(\"%s\", \"%s\")%n", key, item);
        cache.put(key, item);
    }

    private static void get(BaseCaching cache, String key) {
        System.out.printf("> get(\"%s\") = %s%n", key, cache.get(key));
    }

    private static void printHitRatios() {
        String[] requests = new ZipfKeys(DISTINCT_KEYS, ZIPF_EXPONENT, SEED).next(REQUESTS);
        System.out.printf(
                "Hit ratio on %,d requests over %,d keys (Zipf exponent %.2f, seed %d):%n",
                REQUESTS, DISTINCT_KEYS, ZIPF_EXPONENT, SEED);
        StringBuilder header = new StringBuilder(String.format("%10s", "capacity"));
        POLICIES.forEach(policy -> header.append(String.format("%8s", policy.name())));
        System.out.println(header);
        for (int capacity : CAPACITIES) {
            StringBuilder row = new StringBuilder(String.format("%,10d", capacity));
            for (Policy policy : POLICIES) {
                // Silent: a full cache evicts on nearly every miss, and those lines would bury the table.
                BaseCaching cache = policy.newCache().apply(capacity, BaseCaching.SILENT);
                row.append(String.format("%8.3f", HitRatio.replay(cache, requests)));
            }
            System.out.println(row);
        }
    }
}
