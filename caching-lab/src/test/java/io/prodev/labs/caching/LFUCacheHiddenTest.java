package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.caching.PolicyModel.Policy;
import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Task("5")
@Hidden
class LFUCacheHiddenTest {

    private final List<String> lines = new ArrayList<>();

    @Hint(
            "over a long random mix, evict the key used least often, and among equals the one unused for longest; puts, updates and gets all count as uses")
    @ParameterizedTest(name = "capacity {0}, {1} keys, {2} operations, seed {3}")
    @CsvSource({"1, 3, 2000, 1", "3, 8, 10000, 2", "4, 5, 10000, 3", "64, 200, 20000, 4"})
    void agreesWithAPlainlyCorrectModelOnRandomOperations(int capacity, int keys, int operations, long seed) {
        PolicyModel.assertAgrees(Policy.LFU, LFUCache::new, capacity, keys, operations, seed);
    }

    @Hint("every get and put must be O(1): on a cache of 16 times more keys, each must take about as long")
    @Test
    void everyGetAndPutTakesConstantTime() {
        ScalingCheck.assertConstantTimePerOperation("LFUCache", capacity -> new LFUCache(capacity, BaseCaching.SILENT));
    }

    @Hint("a key read many times must outlive a flood of keys used once")
    @Test
    void aFrequentlyReadKeySurvivesAFloodOfNewKeys() {
        LFUCache cache = new LFUCache(3, lines::add);
        cache.put("hot", "hot");
        for (int i = 0; i < 5; i++) {
            cache.get("hot");
        }
        for (int i = 0; i < 1000; i++) {
            cache.put("new" + i, i);
        }

        assertThat(cache.get("hot"))
                .as("get(\"hot\") after 5 reads, then 1000 new keys")
                .isEqualTo("hot");
        assertThat(lines)
                .as("number of DISCARD lines after 1000 new keys into a full LFU cache of 3")
                .hasSize(998);
    }

    @Hint("an update is a use: it raises the key's count and makes it the most recently used")
    @Test
    void tiesAfterAnUpdateGoToTheLeastRecentlyUsedKey() {
        LFUCache cache = new LFUCache(3, lines::add);
        cache.put("A", "A");
        cache.put("B", "B");
        cache.put("C", "C");
        cache.put("B", "B2");
        cache.get("A");
        cache.get("C");
        cache.put("D", "D");
        cache.put("E", "E");

        assertThat(lines)
                .as("lines printed after A, B, C, update B, get A, get C, put D, put E (cache of 3)")
                .containsExactly("DISCARD: B", "DISCARD: D");
    }
}
