package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Task("1")
class FIFOCacheTest extends BoundedCacheContract<FIFOCache> {

    @Override
    FIFOCache newCache(int capacity, Consumer<String> out) {
        return new FIFOCache(capacity, out);
    }

    @Override
    FIFOCache newDefaultCache() {
        return new FIFOCache();
    }

    @Test
    void evictsTheKeyPutFirstWhenANewKeyArrivesInAFullCache() {
        putAll("A", "B", "C", "D", "E");

        assertThat(lines)
                .as("lines printed after putting A..E into a FIFO cache of 4")
                .containsExactly("DISCARD: A");
        assertThat(cache.snapshot())
                .as("contents after putting A..E into a FIFO cache of 4")
                .containsOnlyKeys("B", "C", "D", "E");
    }

    @Test
    void doesNotEvictWhileThereIsRoom() {
        putAll("A", "B", "C", "D");

        assertThat(lines)
                .as("lines printed after putting A..D into a FIFO cache of 4")
                .isEmpty();
        assertThat(cache.snapshot()).as("contents after putting A..D").containsOnlyKeys("A", "B", "C", "D");
    }

    @Test
    void updatingAKeyNeitherEvictsNorMovesItInTheQueue() {
        putAll("A", "B", "C", "D");
        cache.put("A", "Street");
        assertThat(lines)
                .as("lines printed after updating A in a full FIFO cache")
                .isEmpty();

        cache.put("E", "Battery");

        assertThat(lines)
                .as("lines printed after A..D, update of A, then E: A is still the oldest")
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

        assertThat(lines)
                .as("lines printed after A, B, C, D, E, update of C, F")
                .containsExactly("DISCARD: A", "DISCARD: B");
        assertThat(cache.snapshot())
                .as("contents at the end of the classic scenario")
                .isEqualTo(Map.of("C", "Street", "D", "School", "E", "Battery", "F", "Mission"));
    }
}
