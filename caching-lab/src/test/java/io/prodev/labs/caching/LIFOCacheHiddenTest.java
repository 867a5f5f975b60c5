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

@Task("2")
@Hidden
class LIFOCacheHiddenTest {

    private final List<String> lines = new ArrayList<>();

    @Hint(
            "over a long random mix of puts, updates and gets, the key evicted must always be the one put last; an update counts as a put and a get changes nothing")
    @ParameterizedTest(name = "capacity {0}, {1} keys, {2} operations, seed {3}")
    @CsvSource({"1, 3, 2000, 1", "3, 8, 10000, 2", "4, 5, 10000, 3", "64, 200, 20000, 4"})
    void agreesWithAPlainlyCorrectModelOnRandomOperations(int capacity, int keys, int operations, long seed) {
        PolicyModel.assertAgrees(Policy.LIFO, LIFOCache::new, capacity, keys, operations, seed);
    }

    @Hint("every get and put must be O(1): on a cache of 16 times more keys, each must take about as long")
    @Test
    void everyGetAndPutTakesConstantTime() {
        ScalingCheck.assertConstantTimePerOperation(
                "LIFOCache", capacity -> new LIFOCache(capacity, BaseCaching.SILENT));
    }

    @Hint("in a full cache, each new key evicts the key put just before it")
    @Test
    void eachNewKeyEvictsTheOnePutJustBefore() {
        LIFOCache cache = new LIFOCache(4, lines::add);
        for (String key : List.of("A", "B", "C", "D", "E", "F", "G")) {
            cache.put(key, key);
        }

        assertThat(lines)
                .as("lines printed after putting A..G into a LIFO cache of 4")
                .containsExactly("DISCARD: D", "DISCARD: E", "DISCARD: F");
    }

    @Hint("an update counts as a put: the updated key is the next to go")
    @Test
    void updatingTheOldestKeyMakesItTheNextVictim() {
        LIFOCache cache = new LIFOCache(4, lines::add);
        for (String key : List.of("A", "B", "C", "D")) {
            cache.put(key, key);
        }
        cache.put("A", "again");
        cache.get("D");
        cache.put("E", "E");

        assertThat(lines)
                .as("lines printed after A..D, update of A, get D, then E")
                .containsExactly("DISCARD: A");
        assertThat(cache.get("D")).as("get(\"D\") after A was evicted instead").isEqualTo("D");
    }
}
