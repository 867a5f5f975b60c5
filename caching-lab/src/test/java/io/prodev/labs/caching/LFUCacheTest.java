package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Task("5")
class LFUCacheTest extends BoundedCacheContract<LFUCache> {

    @Override
    LFUCache newCache(int capacity, Consumer<String> out) {
        return new LFUCache(capacity, out);
    }

    @Override
    LFUCache newDefaultCache() {
        return new LFUCache();
    }

    @Test
    void evictsTheLeastFrequentlyUsedKey() {
        putAll("A", "B", "C", "D");
        cache.get("A");
        cache.get("B");
        cache.get("C");
        cache.put("E", "Battery");

        assertThat(lines)
                .as("lines printed after A..D, get A, B and C, then E: D was used once, the others twice")
                .containsExactly("DISCARD: D");
    }

    @Test
    void breaksATieByEvictingTheLeastRecentlyUsedKey() {
        putAll("A", "B", "C", "D");
        cache.get("C");
        cache.get("A");
        cache.get("D");
        cache.get("B");
        cache.put("E", "Battery");

        assertThat(lines)
                .as("lines printed after A..D, get C, A, D, B (all used twice, C longest ago), then E")
                .containsExactly("DISCARD: C");
    }

    @Test
    void updatingAKeyCountsAsAUseAndEvictsNothing() {
        putAll("A", "B", "C", "D");
        cache.put("A", "Street");
        assertThat(lines)
                .as("lines printed after updating A in a full LFU cache")
                .isEmpty();

        cache.put("E", "Battery");

        assertThat(lines)
                .as("lines printed after A..D, update of A, then E: A was used twice")
                .containsExactly("DISCARD: B");
        assertThat(cache.get("A")).as("get(\"A\") after put(\"A\", \"Street\")").isEqualTo("Street");
    }

    @Test
    @DisplayName("a new key, used once, is the first to go when every other key was used more")
    void aNewKeyIsTheNextVictimWhenTheOthersWereUsedMore() {
        LFUCache two = new LFUCache(2, lines::add);
        two.put("A", "Hello");
        two.get("A");
        two.put("B", "World");
        two.put("C", "Holberton");
        two.put("D", "School");

        assertThat(lines)
                .as("lines printed after put A, get A, put B, C, D on an LFU cache of 2")
                .containsExactly("DISCARD: B", "DISCARD: C");
    }

    @Test
    @DisplayName("finds the victim after the lowest use count has emptied")
    void findsTheVictimAfterTheLowestUseCountEmptied() {
        LFUCache two = new LFUCache(2, lines::add);
        two.put("A", "Hello");
        two.put("B", "World");
        two.get("A");
        two.get("B");
        two.put("C", "Holberton");

        assertThat(lines)
                .as("lines printed after put A, B, get A, B (both used twice), put C on an LFU cache of 2")
                .containsExactly("DISCARD: A");
    }

    @Test
    @DisplayName("plays the classic scenario: evicts A, D, E, F, G, H, I in that order")
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
                        "DISCARD: F",
                        "DISCARD: G",
                        "DISCARD: H",
                        "DISCARD: I");
        assertThat(cache.snapshot())
                .as("contents at the end of the classic scenario")
                .isEqualTo(Map.of("B", "World", "C", "Street", "J", "J", "K", "K"));
    }
}
