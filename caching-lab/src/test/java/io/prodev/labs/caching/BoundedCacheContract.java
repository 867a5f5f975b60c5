package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodev.labs.labkit.output.StandardOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every bounded policy (tasks 1 to 5) must do, whatever it evicts: ignore nulls, reject a capacity
 * below 1, evict the only item of a cache of one, and default to {@link BaseCaching#MAX_ITEMS} items
 * printed on standard output. Each policy's
 * test class extends it, so these tests run, and count, under that class's task.
 *
 * @param <C> the policy under test
 */
abstract class BoundedCacheContract<C extends BaseCaching> {

    protected final List<String> lines = new ArrayList<>();
    /** A cache of four that prints into {@link #lines}, new for each test. */
    protected C cache;

    /** {@code new XCache(capacity, out)} */
    abstract C newCache(int capacity, Consumer<String> out);

    /** {@code new XCache()} */
    abstract C newDefaultCache();

    /**
     * Built here, not in a field initialiser: a subclass's {@code newCache} then runs on a fully constructed
     * test instance, and a learner's constructor that throws fails each test with its own message.
     */
    @BeforeEach
    void createCache() {
        cache = newCache(4, lines::add);
    }

    private String className() {
        return cache == null ? "the cache" : cache.getClass().getSimpleName();
    }

    @Test
    void ignoresNullKeysAndItemsEvenWhenFull() {
        putAll("A", "B", "C", "D");
        cache.put(null, "x");
        cache.put("E", null);

        assertThat(lines)
                .as("lines printed after put(null, \"x\") and put(\"E\", null) on a full cache")
                .isEmpty();
        assertThat(cache.get("E")).as("get(\"E\") after put(\"E\", null)").isNull();
        assertThat(cache.get(null)).as("get(null)").isNull();
        assertThat(cache.snapshot()).as("contents after the ignored puts").containsOnlyKeys("A", "B", "C", "D");
    }

    @ParameterizedTest(name = "capacity {0} is rejected")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsACapacityBelowOne(int capacity) {
        assertThatThrownBy(() -> newCache(capacity, lines::add))
                .as("new %s(%d, ...)", className(), capacity)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(capacity));
    }

    @Test
    void theDefaultCacheHoldsMaxItemsAndPrintsOnStandardOutput() {
        List<String> printed = StandardOutput.linesPrintedBy(() -> {
            C defaultCache = newDefaultCache();
            for (int i = 0; i <= BaseCaching.MAX_ITEMS; i++) {
                defaultCache.put("K" + i, i);
            }
        });

        assertThat(printed)
                .as("standard output after putting K0..K%d into new %s()", BaseCaching.MAX_ITEMS, className())
                .hasSize(1)
                .allMatch(line -> line.startsWith("DISCARD: K"));
    }

    /** With room for one item, every policy has one choice: a get in between changes nothing. */
    @Test
    void aCacheOfOneKeepsOnlyTheNewestKey() {
        C single = newCache(1, lines::add);
        single.put("A", "Hello");
        single.get("A");
        single.put("B", "World");

        assertThat(lines)
                .as("lines printed after put A, get A, put B on a %s of 1", className())
                .containsExactly("DISCARD: A");
        assertThat(single.get("B"))
                .as("get(\"B\") in a %s of 1 after A then B", className())
                .isEqualTo("World");
        assertThat(single.get("A")).as("get(\"A\") after A was evicted").isNull();
    }

    protected void putAll(String... keys) {
        for (String key : keys) {
            cache.put(key, "item " + key);
        }
    }
}
