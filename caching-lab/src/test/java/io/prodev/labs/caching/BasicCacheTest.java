package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import io.prodev.labs.labkit.output.StandardOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Task("0")
class BasicCacheTest {

    private final List<String> lines = new ArrayList<>();
    private final BasicCache cache = new BasicCache(lines::add);

    @Weight(2) // what a cache does: weighs twice what printCache's format does
    @Test
    void returnsWhatWasPut() {
        cache.put("A", "Hello");
        cache.put("B", "World");

        assertThat(cache.get("A")).as("get(\"A\") after put(\"A\", \"Hello\")").isEqualTo("Hello");
        assertThat(cache.get("B")).as("get(\"B\") after put(\"B\", \"World\")").isEqualTo("World");
    }

    @Weight(2) // what a cache does: weighs twice what printCache's format does
    @Test
    void replacesTheItemOfAnExistingKey() {
        cache.put("A", "Hello");
        cache.put("A", "Street");

        assertThat(cache.get("A"))
                .as("get(\"A\") after put(\"A\", \"Hello\") then put(\"A\", \"Street\")")
                .isEqualTo("Street");
    }

    @Weight(2) // what a cache does: weighs twice what printCache's format does
    @Test
    void keepsEveryItemBecauseItHasNoLimit() {
        for (int i = 0; i < 100; i++) {
            cache.put("K" + i, i);
        }

        for (int i = 0; i < 100; i++) {
            assertThat(cache.get("K" + i))
                    .as("get(\"K%d\") after putting K0..K99 into a BasicCache", i)
                    .isEqualTo(i);
        }
        assertThat(lines)
                .as("lines printed by a BasicCache that was only given puts and gets")
                .isEmpty();
    }

    @Weight(2) // what a cache does: weighs twice what printCache's format does
    @Test
    void returnsNullForAMissingKeyOrANullKey() {
        cache.put("A", "Hello");

        assertThat(cache.get("Z")).as("get(\"Z\") when only A was put").isNull();
        assertThat(cache.get(null)).as("get(null)").isNull();
    }

    @Weight(2) // what a cache does: weighs twice what printCache's format does
    @Test
    void ignoresAPutWithANullKeyOrANullItem() {
        cache.put(null, "Hello");
        cache.put("A", null);

        assertThat(cache.get("A")).as("get(\"A\") after put(\"A\", null)").isNull();
        cache.printCache();
        assertThat(lines)
                .as("printCache() after put(null, \"Hello\") and put(\"A\", null)")
                .containsExactly("Current cache:");
    }

    @Test
    void printCacheListsEveryEntrySortedByKey() {
        cache.put("C", "Holberton");
        cache.put("A", "Hello");
        cache.put("B", "World");

        cache.printCache();

        assertThat(lines)
                .as("printCache() after putting C, A and B")
                .containsExactly("Current cache:", "A: Hello", "B: World", "C: Holberton");
    }

    @Test
    void printCacheOfAnEmptyCachePrintsOnlyTheHeader() {
        cache.printCache();

        assertThat(lines).as("printCache() on a new cache").containsExactly("Current cache:");
    }

    @Test
    @DisplayName("plays the classic scenario: puts, gets, an update, printCache")
    void playsTheClassicScenario() {
        cache.put("A", "Hello");
        cache.put("B", "World");
        cache.put("C", "Holberton");
        assertThat(cache.get("D")).as("get(\"D\") before D was put").isNull();
        cache.put("D", "School");
        cache.put("E", "Battery");
        cache.put("A", "Street");

        cache.printCache();

        assertThat(lines)
                .as("printCache() after putting A..E, then A again with \"Street\"")
                .containsExactly("Current cache:", "A: Street", "B: World", "C: Holberton", "D: School", "E: Battery");
    }

    @Test
    void printsOnStandardOutputByDefault() {
        List<String> printed = StandardOutput.linesPrintedBy(() -> {
            BasicCache defaultCache = new BasicCache();
            defaultCache.put("A", "Hello");
            defaultCache.printCache();
        });

        assertThat(printed)
                .as("standard output of printCache() on a BasicCache() holding A: Hello")
                .containsExactly("Current cache:", "A: Hello");
    }
}
