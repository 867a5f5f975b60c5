package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A slow but plainly correct model of the five eviction policies: it stamps every entry with a clock
 * and scans them all to pick a victim. Hidden tests replay seeded random operations on a cache and on
 * the model, and compare them step by step.
 */
final class PolicyModel {

    /** The order in which each policy picks victims: the smallest slot goes first. */
    enum Policy {
        FIFO(Comparator.comparingLong(slot -> slot.firstPut)),
        LIFO(Comparator.comparingLong((Slot slot) -> slot.lastPut).reversed()),
        LRU(Comparator.comparingLong(slot -> slot.lastUse)),
        MRU(Comparator.comparingLong((Slot slot) -> slot.lastUse).reversed()),
        LFU(Comparator.comparingInt((Slot slot) -> slot.uses).thenComparingLong(slot -> slot.lastUse));

        private final Comparator<Slot> victimFirst;

        Policy(Comparator<Slot> victimFirst) {
            this.victimFirst = victimFirst;
        }
    }

    private static final class Slot {
        final long firstPut;
        Object item;
        long lastPut;
        long lastUse;
        int uses;

        Slot(long firstPut) {
            this.firstPut = firstPut;
        }
    }

    private static final int PRINT_EVERY = 50;

    private final Policy policy;
    private final int capacity;
    private final Map<String, Slot> slots = new HashMap<>();
    private long clock;

    private PolicyModel(Policy policy, int capacity) {
        this.policy = policy;
        this.capacity = capacity;
    }

    /** Puts like the real caches do, and returns the evicted key, or null. */
    private String put(String key, Object item) {
        clock++;
        Slot slot = slots.get(key);
        String evicted = null;
        if (slot == null) {
            if (slots.size() == capacity) {
                evicted = victim();
                slots.remove(evicted);
            }
            slot = new Slot(clock);
            slots.put(key, slot);
        }
        slot.item = item;
        slot.lastPut = clock;
        slot.lastUse = clock;
        slot.uses++;
        return evicted;
    }

    /** The key the policy evicts next: a plain scan of every slot, which is what makes the model obviously right. */
    private String victim() {
        Map.Entry<String, Slot> first = null;
        for (Map.Entry<String, Slot> entry : slots.entrySet()) {
            if (first == null || policy.victimFirst.compare(entry.getValue(), first.getValue()) < 0) {
                first = entry;
            }
        }
        return first.getKey();
    }

    private Object get(String key) {
        clock++;
        Slot slot = slots.get(key);
        if (slot == null) {
            return null;
        }
        slot.lastUse = clock;
        slot.uses++;
        return slot.item;
    }

    /** The model's entries, sorted by key: what snapshot() must hold. */
    private Map<String, Object> entries() {
        Map<String, Object> entries = new TreeMap<>();
        slots.forEach((key, slot) -> entries.put(key, slot.item));
        return entries;
    }

    private static String context(Policy policy, int capacity, long seed, int operation, RecentOperations recent) {
        return String.format(
                "operation #%d on a %s cache of %d (seed %d); the last operations: %s",
                operation, policy, capacity, seed, recent);
    }

    /**
     * Plays {@code operations} seeded random puts and gets over {@code distinctKeys} keys on a cache made
     * by {@code newCache} and on the model, asserting after each one that both returned and evicted the same.
     * Every {@value #PRINT_EVERY} operations it also reads {@code snapshot()} (what printCache() prints) and
     * compares it with the model's entries: reading it is not a use, so a cache whose {@code snapshot()} counts
     * as one goes on to evict the wrong keys. It calls the policy's own snapshot(), not task 0's printCache(),
     * so that a task's tests never depend on another task's code.
     */
    static void assertAgrees(
            Policy policy,
            BiFunction<Integer, Consumer<String>, BaseCaching> newCache,
            int capacity,
            int distinctKeys,
            int operations,
            long seed) {
        List<String> lines = new ArrayList<>();
        BaseCaching cache = newCache.apply(capacity, lines::add);
        PolicyModel model = new PolicyModel(policy, capacity);
        Random random = new Random(seed);
        RecentOperations recent = new RecentOperations();
        for (int i = 0; i < operations; i++) {
            String key = "K" + random.nextInt(distinctKeys);
            boolean isPut = random.nextInt(10) < 4;
            recent.add(isPut, key);
            lines.clear();
            // Compare plainly and build the message only on a mismatch: 20,000 operations stay cheap.
            if (isPut) {
                String evicted = model.put(key, "v" + i);
                cache.put(key, "v" + i);
                List<String> expected = evicted == null ? List.of() : List.of("DISCARD: " + evicted);
                if (!lines.equals(expected)) {
                    assertThat(lines)
                            .as("lines printed by " + context(policy, capacity, seed, i, recent))
                            .isEqualTo(expected);
                }
            } else {
                Object expected = model.get(key);
                Object actual = cache.get(key);
                if (!Objects.equals(actual, expected)) {
                    assertThat(actual)
                            .as("result of " + context(policy, capacity, seed, i, recent))
                            .isEqualTo(expected);
                }
            }
            if (i % PRINT_EVERY == PRINT_EVERY - 1) {
                Map<String, Object> entries = new TreeMap<>(cache.snapshot());
                Map<String, Object> expected = model.entries();
                if (!entries.equals(expected)) {
                    assertThat(entries)
                            .as("snapshot() after " + context(policy, capacity, seed, i, recent))
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** The last few operations, kept cheaply and put into words only when a step disagrees. */
    private static final class RecentOperations {
        private static final int KEPT = 12;
        private final String[] keys = new String[KEPT];
        private final boolean[] puts = new boolean[KEPT];
        private int count;

        void add(boolean isPut, String key) {
            keys[count % KEPT] = key;
            puts[count % KEPT] = isPut;
            count++;
        }

        @Override
        public String toString() {
            List<String> words = new ArrayList<>();
            for (int i = Math.max(0, count - KEPT); i < count; i++) {
                words.add((puts[i % KEPT] ? "put " : "get ") + keys[i % KEPT]);
            }
            return words.toString();
        }
    }
}
