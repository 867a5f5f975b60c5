package io.prodev.labs.grader.grade;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.check.TaskOrderCheck;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** grader check's invariant that a task's tests need no later task, on the sample lab. */
class TaskOrderCheckTest {

    private static final GradeOptions OPTIONS = new GradeOptions(RunLimits.DEFAULT, false, false, false);

    @Test
    void tasksWhoseTestsNeedOnlyTheirOwnFilesPass() {
        PreparedLab lab = SampleLab.lab();

        assertThat(TaskOrderCheck.problems(lab, OPTIONS, referenceFiles(lab), line -> {}))
                .as("the sample lab's tasks, each tested on its own file")
                .isEmpty();
    }

    @Test
    void aTaskWhoseTestsNeedALaterTasksFileIsNamed() {
        // Task 1's tests exercise Greeter.java; this catalogue hands Greeter.java to task 2 and Tally.java to task 1,
        // so with only task 1 done, task 1's tests meet Greeter's starter version: they need a later task.
        PreparedLab lab = SampleLab.lab();
        List<LabTask> swapped = new ArrayList<>(lab.catalogue().tasks());
        LabTask greeter = swapped.get(0);
        LabTask tally = swapped.get(1);
        swapped.set(0, new LabTask(greeter.id(), greeter.title(), greeter.points(), tally.files()));
        swapped.set(1, new LabTask(tally.id(), tally.title(), tally.points(), greeter.files()));
        LabCatalogue catalogue = lab.catalogue();
        PreparedLab crossed = new PreparedLab(
                lab.name(),
                lab.dir(),
                new LabCatalogue(
                        catalogue.lab(), catalogue.title(), catalogue.curriculum(), swapped, catalogue.fixtures()),
                lab.testClasses(),
                lab.hiddenTests(),
                lab.classpath(),
                lab.mainClasspath(),
                lab.runnerClasses());

        List<String> problems = TaskOrderCheck.problems(crossed, OPTIONS, referenceFiles(crossed), line -> {});

        assertThat(problems)
                .as("the problems found when task 1's tests need task 2's file")
                .singleElement()
                .asString()
                .startsWith("task 1 (Greeter) fails when only the tasks before task 2 are done: ")
                .contains("needs a later task");
    }

    private static Map<String, String> referenceFiles(PreparedLab lab) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : lab.catalogue().learnerFiles()) {
            try {
                files.put(file, Files.readString(lab.dir().resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
