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

@Task("3")
@Hidden
class LRUCacheHiddenTest {

    private final List<String> lines = new ArrayList<>();

    @Hint(
            "over a long random mix of puts, updates and gets, the key evicted must always be the one unused for longest; a get and an update both count as a use")
    @ParameterizedTest(name = "capacity {0}, {1} keys, {2} operations, seed {3}")
    @CsvSource({"1, 3, 2000, 1", "3, 8, 10000, 2", "4, 5, 10000, 3", "64, 200, 20000, 4"})
    void agreesWithAPlainlyCorrectModelOnRandomOperations(int capacity, int keys, int operations, long seed) {
        PolicyModel.assertAgrees(Policy.LRU, LRUCache::new, capacity, keys, operations, seed);
    }

    @Hint("every get and put must be O(1): on a cache of 16 times more keys, each must take about as long")
    @Test
    void everyGetAndPutTakesConstantTime() {
        ScalingCheck.assertConstantTimePerOperation("LRUCache", capacity -> new LRUCache(capacity, BaseCaching.SILENT));
    }

    @Hint("a key that is read again and again must never be the one evicted")
    @Test
    void aLongRunOfGetsKeepsTheReadKeysAlive() {
        LRUCache cache = new LRUCache(3, lines::add);
        for (int i = 0; i < 100; i++) {
            cache.put("hot", i);
            cache.put("cold" + i, i);
            cache.get("hot");
        }

        assertThat(lines)
                .as("DISCARD lines while one hot key is read between 100 cold puts")
                .noneMatch(line -> line.equals("DISCARD: hot"));
        assertThat(cache.get("hot")).as("get(\"hot\") after the run").isEqualTo(99);
    }
}
