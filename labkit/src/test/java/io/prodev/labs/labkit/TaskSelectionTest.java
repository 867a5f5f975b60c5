package io.prodev.labs.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskSelectionTest {

    /** A lab with tasks 0 to 8, like caching-lab. */
    private static final LabCatalogue NINE_TASKS = new LabCatalogue(
            "caching-lab",
            "Caching",
            "c",
            IntStream.rangeClosed(0, 8)
                    .mapToObj(id -> new LabTask(String.valueOf(id), "Task " + id, 10, List.of()))
                    .toList());

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void selectsEveryTaskWithoutAValue(String written) {
        TaskSelection selection = TaskSelection.parse(written);

        assertThat(selection.selectsAll())
                .as("-Dtask=%s selects every task", written)
                .isTrue();
        assertThat(selection.includes("7")).as("task 7 runs").isTrue();
        assertThat(selection.problemWith(NINE_TASKS)).as("nothing wrong").isEmpty();
    }

    @Test
    void selectsOneTask() {
        TaskSelection selection = TaskSelection.parse("3");

        assertThat(selection.ids()).as("ids of -Dtask=3").containsExactly("3");
        assertThat(selection.includes("3")).as("task 3 runs").isTrue();
        assertThat(selection.includes("4")).as("task 4 runs").isFalse();
        assertThat(selection.problemWith(NINE_TASKS))
                .as("3 is a task of the lab")
                .isEmpty();
    }

    @Test
    void selectsEveryTaskOfACommaListIgnoringSpacesEmptyItemsAndRepeats() {
        TaskSelection selection = TaskSelection.parse(" 4, 3,,4 ");

        assertThat(selection.ids()).as("ids of -Dtask=\" 4, 3,,4 \"").containsExactly("4", "3");
        assertThat(selection.includes("3") && selection.includes("4"))
                .as("tasks 3 and 4 run")
                .isTrue();
        assertThat(selection.includes("5")).as("task 5 runs").isFalse();
        assertThat(selection.problemWith(NINE_TASKS))
                .as("3 and 4 are tasks of the lab")
                .isEmpty();
    }

    @Test
    void namesAnUnknownNumberAndTheLabsTasks() {
        assertThat(TaskSelection.parse("99").problemWith(NINE_TASKS))
                .as("the problem with -Dtask=99")
                .contains("-Dtask=99: caching-lab has no task 99; its tasks are 0, 1, 2, 3, 4, 5, 6, 7, 8");
    }

    @Test
    void namesAnIdThatIsNotANumber() {
        assertThat(TaskSelection.parse("abc").problemWith(NINE_TASKS))
                .as("the problem with -Dtask=abc")
                .contains("-Dtask=abc: caching-lab has no task abc; its tasks are 0, 1, 2, 3, 4, 5, 6, 7, 8");
    }

    @Test
    void namesOnlyTheUnknownIdsOfAList() {
        assertThat(TaskSelection.parse("3,99,abc").problemWith(NINE_TASKS))
                .as("the problem with -Dtask=3,99,abc")
                .contains(
                        "-Dtask=3,99,abc: caching-lab has no task 99 or abc; its tasks are 0, 1, 2, 3, 4, 5, 6, 7, 8");
    }

    @Test
    void saysWhenAListNamesNoTaskAtAll() {
        TaskSelection selection = TaskSelection.parse(",");

        assertThat(selection.selectsAll()).as("-Dtask=, selects every task").isFalse();
        assertThat(selection.problemWith(NINE_TASKS))
                .as("the problem with -Dtask=,")
                .contains("-Dtask=, names no task of caching-lab; its tasks are 0, 1, 2, 3, 4, 5, 6, 7, 8");
    }
}
