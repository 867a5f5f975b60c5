package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Task("2")
class LIFOCacheTest extends BoundedCacheContract<LIFOCache> {

    @Override
    LIFOCache newCache(int capacity, Consumer<String> out) {
        return new LIFOCache(capacity, out);
    }

    @Override
    LIFOCache newDefaultCache() {
        return new LIFOCache();
    }

    @Test
    void evictsTheKeyPutLastWhenANewKeyArrivesInAFullCache() {
        putAll("A", "B", "C", "D", "E");

        assertThat(lines)
                .as("lines printed after putting A..E into a LIFO cache of 4")
                .containsExactly("DISCARD: D");
        assertThat(cache.snapshot())
                .as("contents after putting A..E into a LIFO cache of 4")
                .containsOnlyKeys("A", "B", "C", "E");
    }

    @Test
    void updatingAKeyMakesItTheLastPutWithoutEvicting() {
        putAll("A", "B", "C", "D");
        cache.put("B", "Street");
        assertThat(lines)
                .as("lines printed after updating B in a full LIFO cache")
                .isEmpty();

        cache.put("E", "Battery");

        assertThat(lines)
                .as("lines printed after A..D, update of B, then E: B was put last")
                .containsExactly("DISCARD: B");
    }

    @Test
    void getDoesNotChangeWhichKeyIsEvicted() {
        putAll("A", "B", "C", "D");
        cache.get("A");
        cache.put("E", "Battery");

        assertThat(lines).as("lines printed after A..D, get(\"A\"), then E").containsExactly("DISCARD: D");
    }

    @Test
    @DisplayName("plays the classic scenario: E evicts D, C is updated, F evicts C, G evicts F")
    void playsTheClassicScenario() {
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        cache.put("D", "School");
        cache.put("E", "Battery");
        cache.put("C", "Street");
        cache.put("F", "Mission");
        cache.put("G", "San Francisco");

        assertThat(lines)
                .as("lines printed after A, B, C, D, E, update of C, F, G")
                .containsExactly("DISCARD: D", "DISCARD: C", "DISCARD: F");
        assertThat(cache.snapshot())
                .as("contents at the end of the classic scenario")
                .isEqualTo(Map.of("A", "Hello", "B", "World", "E", "Battery", "G", "San Francisco"));
    }
}
