package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("1")
class FIFOCacheTest {

    private final List<String> lines = new ArrayList<>();
    private final FIFOCache cache = new FIFOCache(4, lines::add);

    @Test
    void evictsTheKeyPutFirstWhenANewKeyArrivesInAFullCache() {
        putAll("A", "B", "C", "D", "E");

        assertThat(lines).as("lines printed after putting A..E into a FIFO cache of 4").containsExactly("DISCARD: A");
        assertThat(cache.snapshot()).as("contents after putting A..E into a FIFO cache of 4")
                .containsOnlyKeys("B", "C", "D", "E");
    }

    @Test
    void doesNotEvictWhileThereIsRoom() {
        putAll("A", "B", "C", "D");

        assertThat(lines).as("lines printed after putting A..D into a FIFO cache of 4").isEmpty();
        assertThat(cache.snapshot()).as("contents after putting A..D").containsOnlyKeys("A", "B", "C", "D");
    }

    @Test
    void updatingAKeyNeitherEvictsNorMovesItInTheQueue() {
        putAll("A", "B", "C", "D");
        cache.put("A", "Street");
        assertThat(lines).as("lines printed after updating A in a full FIFO cache").isEmpty();

        cache.put("E", "Battery");

        assertThat(lines).as("lines printed after A..D, update of A, then E: A is still the oldest")
                .containsExactly("DISCARD: A");
    }

    @Test
    void getDoesNotChangeWhichKeyIsEvicted() {
        putAll("A", "B", "C", "D");
        cache.get("A");
        cache.put("E", "Battery");

        assertThat(lines).as("lines printed after A..D, get(\"A\"), then E").containsExactly("DISCARD: A");
    }

    @Test
    @DisplayName("plays the classic scenario: E evicts A, updating C evicts nothing, F evicts B")
    void playsTheClassicScenario() {
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.put("D", "School");
        cache.put("E", "Battery");
        cache.put("C", "Street");
        cache.put("F", "Mission");

        assertThat(lines).as("lines printed after A, B, C, D, E, update of C, F")
                .containsExactly("DISCARD: A", "DISCARD: B");
        assertThat(cache.snapshot()).as("contents at the end of the classic scenario")
                .isEqualTo(Map.of("C", "Street", "D", "School", "E", "Battery", "F", "Mission"));
    }

    @Test
    void aCacheOfOneKeepsOnlyTheNewestKey() {
        FIFOCache single = new FIFOCache(1, lines::add);
        single.put("A", "Hello");
        single.put("B", "World");

        assertThat(lines).as("lines printed after putting A then B into a FIFO cache of 1").containsExactly("DISCARD: A");
        assertThat(single.get("B")).as("get(\"B\") in a FIFO cache of 1 after A then B").isEqualTo("World");
        assertThat(single.get("A")).as("get(\"A\") after A was evicted").isNull();
    }

    @Test
    void ignoresNullKeysAndItemsEvenWhenFull() {
        putAll("A", "B", "C", "D");
        cache.put(null, "x");
        cache.put("E", null);

        assertThat(lines).as("lines printed after put(null, \"x\") and put(\"E\", null) on a full cache").isEmpty();
        assertThat(cache.get("E")).as("get(\"E\") after put(\"E\", null)").isNull();
        assertThat(cache.get(null)).as("get(null)").isNull();
    }

    @ParameterizedTest(name = "capacity {0} is rejected")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsACapacityBelowOne(int capacity) {
        assertThatThrownBy(() -> new FIFOCache(capacity, lines::add))
                .as("new FIFOCache(%d, ...)", capacity)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(capacity));
    }

    @Test
    void theDefaultCacheHoldsMaxItemsAndPrintsOnStandardOutput() {
        List<String> printed = StandardOutput.linesPrintedBy(() -> {
            FIFOCache defaultCache = new FIFOCache();
            for (int i = 0; i <= BaseCaching.MAX_ITEMS; i++) {
                defaultCache.put("K" + i, i);
            }
        });

        assertThat(printed).as("standard output after putting K0..K%d into new FIFOCache()", BaseCaching.MAX_ITEMS)
                .containsExactly("DISCARD: K0");
    }

    private void putAll(String... keys) {
        for (String key : keys) {
            cache.put(key, "item " + key);
        }
    }
}
