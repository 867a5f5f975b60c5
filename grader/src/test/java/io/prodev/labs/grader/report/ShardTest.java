package io.prodev.labs.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

    private static final List<String> IDS = List.of("kim", "ann", "bob", "eve", "dan", "fay", "cal", "gus");

    @Test
    void parsesKOverN() {
        assertThat(Shard.parse("2/5")).isEqualTo(new Shard(2, 5));
        assertThat(Shard.parse("1/1")).hasToString("1/1");
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"0/3", "4/3", "3", "1/0", "a/b", "-1/3", "1/3/5", ""})
    void rejectsTextThatIsNotAShardNamingIt(String text) {
        assertThatThrownBy(() -> Shard.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shard must look like K/N with 1 <= K <= N, got: " + text);
    }

    @Test
    void slicesAreDisjointAndCoverEveryItemForThreeShards() {
        List<String> all = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            List<String> slice = Shard.parse(k + "/3").select(IDS, Function.identity());
            assertThat(slice).as("shard %d/3 of 8 ids holds 3 or 2 of them", k).hasSizeBetween(2, 3);
            all.addAll(slice);
        }

        assertThat(all)
                .as("every id in exactly one shard")
                .hasSize(IDS.size())
                .containsExactlyInAnyOrderElementsOf(IDS);
    }

    @Test
    void slicesBySortedIdWhateverTheInputOrder() {
        Shard first = Shard.parse("1/3");

        assertThat(first.select(IDS, Function.identity()))
                .as("sorted: ann bob cal dan eve fay gus kim")
                .containsExactly("ann", "dan", "gus");
        assertThat(first.select(reversed(IDS), Function.identity())).containsExactly("ann", "dan", "gus");
    }

    private static List<String> reversed(List<String> items) {
        List<String> copy = new ArrayList<>(items);
        Collections.reverse(copy);
        return copy;
    }
}
