package io.prodev.labs.caching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Task("0")
@Hidden
class BasicCacheHiddenTest {

    /** Keys whose sorted order differs from their put order and from a HashMap's order ("K10" sorts before "K9"). */
    private static final List<String> KEYS =
            List.of("K9", "K10", "K1", "b", "B", "a", "A", "Zebra", "apple", "K100", "k2", "_", "0", "10", "9", "é");

    @Hint(
            "over a long random mix of puts, gets and printCache, with null keys and null items, a BasicCache must behave like a plain map that ignores nulls and prints in key order")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void agreesWithAMapOnRandomOperations(long seed) {
        List<String> lines = new ArrayList<>();
        BasicCache cache = new BasicCache(lines::add);
        Map<String, Object> model = new HashMap<>();
        Random random = new Random(seed);
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String key = random.nextInt(12) == 0 ? null : KEYS.get(random.nextInt(KEYS.size()));
            int kind = random.nextInt(20);
            lines.clear();
            if (kind < 8) {
                Object item = random.nextInt(10) == 0 ? null : (random.nextBoolean() ? "v" + i : Integer.valueOf(i));
                remember(recent, "put(" + key + ", " + item + ")");
                cache.put(key, item);
                if (key != null && item != null) {
                    model.put(key, item);
                }
                if (!lines.isEmpty()) {
                    assertThat(lines)
                            .as(
                                    "lines printed by %s (seed %d); recent: %s",
                                    recent.get(recent.size() - 1), seed, recent)
                            .isEmpty();
                }
            } else if (kind < 19) {
                remember(recent, "get(" + key + ")");
                Object expected = key == null ? null : model.get(key);
                Object actual = cache.get(key);
                if (!Objects.equals(actual, expected)) {
                    assertThat(actual)
                            .as("get(%s), operation #%d (seed %d); recent: %s", key, i, seed, recent)
                            .isEqualTo(expected);
                }
            } else {
                remember(recent, "printCache()");
                cache.printCache();
                List<String> expected = new ArrayList<>();
                expected.add("Current cache:");
                new TreeMap<>(model).forEach((k, item) -> expected.add(k + ": " + item));
                assertThat(lines)
                        .as("printCache(), operation #%d (seed %d); recent: %s", i, seed, recent)
                        .isEqualTo(expected);
            }
        }
    }

    @Hint("a cache with no limit keeps everything, however much it is given")
    @Test
    void keepsTenThousandItems() {
        List<String> lines = new ArrayList<>();
        BasicCache cache = new BasicCache(lines::add);
        for (int i = 0; i < 10_000; i++) {
            cache.put("K" + i, i);
        }

        for (int i = 0; i < 10_000; i += 997) {
            assertThat(cache.get("K" + i))
                    .as("get(\"K%d\") after 10,000 puts", i)
                    .isEqualTo(i);
        }
        assertThat(lines).as("lines printed by 10,000 puts into a BasicCache").isEmpty();
    }

    private static void remember(List<String> recent, String operation) {
        recent.add(operation);
        if (recent.size() > 10) {
            recent.remove(0);
        }
    }
}
