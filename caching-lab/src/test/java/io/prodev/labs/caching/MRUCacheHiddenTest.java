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

@Task("4")
@Hidden
class MRUCacheHiddenTest {

    private final List<String> lines = new ArrayList<>();

    @Hint(
            "over a long random mix of puts, updates and gets, the key evicted must always be the one used most recently; a get and an update both count as a use")
    @ParameterizedTest(name = "capacity {0}, {1} keys, {2} operations, seed {3}")
    @CsvSource({"1, 3, 2000, 1", "3, 8, 10000, 2", "4, 5, 10000, 3", "64, 200, 20000, 4"})
    void agreesWithAPlainlyCorrectModelOnRandomOperations(int capacity, int keys, int operations, long seed) {
        PolicyModel.assertAgrees(Policy.MRU, MRUCache::new, capacity, keys, operations, seed);
    }

    @Hint("every get and put must be O(1): on a cache of 16 times more keys, each must take about as long")
    @Test
    void everyGetAndPutTakesConstantTime() {
        ScalingCheck.assertConstantTimePerOperation("MRUCache", capacity -> new MRUCache(capacity, BaseCaching.SILENT));
    }

    @Hint("on a loop over more keys than fit, evicting the most recently used key must keep most of the loop cached")
    @Test
    void aCyclicScanLargerThanTheCacheKeepsMostOfTheLoop() {
        MRUCache cache = new MRUCache(4, lines::add);
        int hits = 0;
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 5; k++) {
                if (cache.get("K" + k) != null) {
                    hits++;
                } else {
                    cache.put("K" + k, k);
                }
            }
        }

        assertThat(hits)
                .as("hits of an MRU cache of 4 over three scans of K0..K4 (an LRU cache gets 0)")
                .isEqualTo(8);
    }
}
