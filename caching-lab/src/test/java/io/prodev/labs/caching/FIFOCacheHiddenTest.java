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

@Task("1")
@Hidden
class FIFOCacheHiddenTest {

    private final List<String> lines = new ArrayList<>();

    @Hint(
            "over a long random mix of puts, updates and gets, the key evicted must always be the one put first; an update keeps its place and a get changes nothing")
    @ParameterizedTest(name = "capacity {0}, {1} keys, {2} operations, seed {3}")
    @CsvSource({"1, 3, 2000, 1", "3, 8, 10000, 2", "4, 5, 10000, 3", "64, 200, 20000, 4"})
    void agreesWithAPlainlyCorrectModelOnRandomOperations(int capacity, int keys, int operations, long seed) {
        PolicyModel.assertAgrees(Policy.FIFO, FIFOCache::new, capacity, keys, operations, seed);
    }

    @Hint("every get and put must be O(1): on a cache of 16 times more keys, each must take about as long")
    @Test
    void everyGetAndPutTakesConstantTime() {
        ScalingCheck.assertConstantTimePerOperation(
                "FIFOCache", capacity -> new FIFOCache(capacity, BaseCaching.SILENT));
    }

    @Hint("after many rounds of evictions, keys must still leave in the order they were first put")
    @Test
    void keepsEvictingInPutOrderAcrossManyRounds() {
        FIFOCache cache = new FIFOCache(2, lines::add);
        for (String key : List.of("A", "B", "C", "A", "D", "E")) {
            cache.put(key, key);
        }

        assertThat(lines)
                .as("lines printed after putting A, B, C, A, D, E into a FIFO cache of 2")
                .containsExactly("DISCARD: A", "DISCARD: B", "DISCARD: C", "DISCARD: A");
    }
}
