package io.prodev.labs.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.Task;
import io.prodev.labs.labkit.Weight;
import org.junit.jupiter.api.Test;

@Task("2")
class TallyTest {

    private final Tally tally = new Tally();

    @Test
    @Weight(3) // the core rule of the task: with --partial, breaking it costs three times a detail
    void countsEachKeyApart() {
        tally.add("apple");
        tally.add("pear");
        tally.add("apple");

        assertThat(tally.count("apple"))
                .as("count(\"apple\") after adding apple, pear, apple")
                .isEqualTo(2);
        assertThat(tally.count("pear"))
                .as("count(\"pear\") after adding apple, pear, apple")
                .isEqualTo(1);
        assertThat(tally.distinctKeys())
                .as("distinctKeys() after adding apple, pear, apple")
                .isEqualTo(2);
    }

    @Test
    void countsZeroForAKeyNeverAdded() {
        tally.add("apple");

        assertThat(tally.count("plum"))
                .as("count(\"plum\") when only apple was added")
                .isZero();
    }
}
