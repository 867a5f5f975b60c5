package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Task("4")
class MRUCacheTest extends BoundedCacheContract<MRUCache> {

    @Override
    MRUCache newCache(int capacity, Consumer<String> out) {
        return new MRUCache(capacity, out);
    }

    @Override
    MRUCache newDefaultCache() {
        return new MRUCache();
    }

    @Test
    void evictsTheKeyPutLastWhenNothingWasRead() {
        putAll("A", "B", "C", "D", "E");

        assertThat(lines)
                .as("lines printed after putting A..E into an MRU cache of 4")
                .containsExactly("DISCARD: D");
        assertThat(cache.snapshot()).as("contents after putting A..E").containsOnlyKeys("A", "B", "C", "E");
    }

    @Test
    void aGetMakesTheKeyItReadsTheNextVictim() {
        putAll("A", "B", "C", "D");
        cache.get("B");
        cache.put("E", "Battery");

        assertThat(lines)
                .as("lines printed after A..D, get(\"B\"), then E: B is the most recently used")
                .containsExactly("DISCARD: B");
    }

    @Test
    void updatingAKeyCountsAsAUseAndEvictsNothing() {
        putAll("A", "B", "C", "D");
        cache.put("A", "Street");
        assertThat(lines)
                .as("lines printed after updating A in a full MRU cache")
                .isEmpty();

        cache.put("E", "Battery");

        assertThat(lines).as("lines printed after A..D, update of A, then E").containsExactly("DISCARD: A");
    }

    @Test
    void aMissedGetChangesNothing() {
        putAll("A", "B", "C", "D");
        cache.get("Z");
        cache.put("E", "Battery");

        assertThat(lines)
                .as("lines printed after A..D, get(\"Z\") of a missing key, then E")
                .containsExactly("DISCARD: D");
    }

    @Test
    @DisplayName("plays the classic scenario: evicts B, C, F, G, H, I, J in that order")
    void playsTheClassicScenario() {
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.put("D", "School");
        cache.get("B");
        cache.put("E", "Battery");
        cache.put("C", "Street");
        assertThat(cache.get("A")).as("get(\"A\")").isEqualTo("Hello");
        assertThat(cache.get("B")).as("get(\"B\") after B was evicted").isNull();
        assertThat(cache.get("C")).as("get(\"C\") after its update").isEqualTo("Street");
        for (String key : List.of("F", "G", "H", "I", "J", "K")) {
            cache.put(key, key);
        }

        assertThat(lines)
                .as("lines printed after A..D, get B, E, update C, get A, B, C, then F..K")
                .containsExactly(
                        "DISCARD: B",
                        "DISCARD: C",
                        "DISCARD: F",
                        "DISCARD: G",
                        "DISCARD: H",
                        "DISCARD: I",
                        "DISCARD: J");
        assertThat(cache.snapshot())
                .as("contents at the end of the classic scenario")
                .isEqualTo(Map.of("A", "Hello", "D", "School", "E", "Battery", "K", "K"));
    }
}
