package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Task("3")
class LRUCacheTest extends BoundedCacheContract<LRUCache> {

    @Override
    LRUCache newCache(int capacity, Consumer<String> out) {
        return new LRUCache(capacity, out);
    }

    @Override
    LRUCache newDefaultCache() {
        return new LRUCache();
    }

    @Test
    void evictsTheLeastRecentlyPutKeyWhenNothingWasRead() {
        putAll("A", "B", "C", "D", "E");

        assertThat(lines)
                .as("lines printed after putting A..E into an LRU cache of 4")
                .containsExactly("DISCARD: A");
        assertThat(cache.snapshot()).as("contents after putting A..E").containsOnlyKeys("B", "C", "D", "E");
    }

    @Test
    void aGetProtectsTheKeyItReads() {
        putAll("A", "B", "C", "D");
        cache.get("A");
        cache.put("E", "Battery");

        assertThat(lines)
                .as("lines printed after A..D, get(\"A\"), then E: B is now the least recently used")
                .containsExactly("DISCARD: B");
    }

    @Test
    void updatingAKeyCountsAsAUseAndEvictsNothing() {
        putAll("A", "B", "C", "D");
        cache.put("A", "Street");
        assertThat(lines)
                .as("lines printed after updating A in a full LRU cache")
                .isEmpty();

        cache.put("E", "Battery");

        assertThat(lines).as("lines printed after A..D, update of A, then E").containsExactly("DISCARD: B");
        assertThat(cache.get("A")).as("get(\"A\") after put(\"A\", \"Street\")").isEqualTo("Street");
    }

    @Test
    void aMissedGetChangesNothing() {
        putAll("A", "B", "C", "D");
        cache.get("Z");
        cache.put("E", "Battery");

        assertThat(lines)
                .as("lines printed after A..D, get(\"Z\") of a missing key, then E")
                .containsExactly("DISCARD: A");
    }

    @Test
    @DisplayName("plays the classic scenario: evicts A, D, E, B, C, F, G in that order")
    void playsTheClassicScenario() {
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.put("D", "School");
        cache.get("B");
        cache.put("E", "Battery");
        cache.put("C", "Street");
        assertThat(cache.get("A")).as("get(\"A\") after A was evicted").isNull();
        assertThat(cache.get("B")).as("get(\"B\")").isEqualTo("World");
        assertThat(cache.get("C")).as("get(\"C\") after its update").isEqualTo("Street");
        for (String key : List.of("F", "G", "H", "I", "J", "K")) {
            cache.put(key, key);
        }

        assertThat(lines)
                .as("lines printed after A..D, get B, E, update C, get A, B, C, then F..K")
                .containsExactly(
                        "DISCARD: A",
                        "DISCARD: D",
                        "DISCARD: E",
                        "DISCARD: B",
                        "DISCARD: C",
                        "DISCARD: F",
                        "DISCARD: G");
        assertThat(cache.snapshot())
                .as("contents at the end of the classic scenario")
                .isEqualTo(Map.of("H", "H", "I", "I", "J", "J", "K", "K"));
    }
}
