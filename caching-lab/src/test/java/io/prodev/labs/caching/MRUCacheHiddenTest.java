package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.caching.PolicyModel.Policy;
import io.prodev.labs.labkit.Hidden;
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

    @ParameterizedTest(name = "capacity {0}, {1} keys, {2} operations, seed {3}")
    @CsvSource({"1, 3, 2000, 1", "3, 8, 10000, 2", "4, 5, 10000, 3", "64, 200, 20000, 4"})
    void agreesWithAPlainlyCorrectModelOnRandomOperations(int capacity, int keys, int operations, long seed) {
        PolicyModel.assertAgrees(Policy.MRU, MRUCache::new, capacity, keys, operations, seed);
    }

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
