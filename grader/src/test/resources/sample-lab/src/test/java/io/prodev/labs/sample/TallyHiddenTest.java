package io.prodev.labs.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Hidden;
import io.prodev.labs.labkit.Hint;
import io.prodev.labs.labkit.Task;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Task("2")
@Hidden
class TallyHiddenTest {

    @Test
    @Hint("count(key) must equal how many times key was added, after any mix of adds")
    void agreesWithAPlainMapOnRandomAdds() {
        Tally tally = new Tally();
        Map<String, Integer> model = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String key = "k" + random.nextInt(50);
            tally.add(key);
            model.merge(key, 1, Integer::sum);
            assertThat(tally.count(key))
                    .as("count(\"%s\") after add number %d", key, i + 1)
                    .isEqualTo(model.get(key));
        }
        assertThat(tally.distinctKeys())
                .as("distinctKeys() after 2000 random adds")
                .isEqualTo(model.size());
    }

    @Test
    void countsNullAsNeverAdded() {
        Tally tally = new Tally();
        tally.add("apple");

        assertThat(tally.count(null)).as("count(null)").isZero();
    }
}
