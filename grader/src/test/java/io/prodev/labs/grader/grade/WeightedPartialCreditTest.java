package io.prodev.labs.grader.grade;

import static io.prodev.labs.grader.grade.SampleLabSubmissions.failing;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TaskScore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * labkit's {@code @Weight} reaches the score: the sample lab's TallyTest.countsEachKeyApart weighs 3, every
 * other test of task 2 (one visible, two hidden) weighs 1.
 */
class WeightedPartialCreditTest {

    @Test
    void withPartialCreditBreakingTheCoreRuleCostsItsWeight(@TempDir Path dir) throws IOException {
        // Counts every added key as 1: breaks the weighted visible test and the hidden model test; the test of a
        // key never added and the hidden null test still pass.
        Path submission = SampleLabSubmissions.withStatement(
                dir, "counts-one", "if (key != null && counts.containsKey(key)) { return 1; }");
        GradeOptions partial = new GradeOptions(RunLimits.DEFAULT, true, false, false);

        List<SubmissionResult> results = new BatchGrader(
                        SampleLab.lab(), partial, 1, new PrintStream(new ByteArrayOutputStream()))
                .grade(List.of(submission));

        TaskScore tally = results.get(0).tasks().stream()
                .filter(task -> task.taskId().equals("2"))
                .findFirst()
                .orElseThrow();
        assertThat(List.of(tally.passed(), tally.total()))
                .as("task 2's tests passed and run; failing: %s", failing(results.get(0)))
                .containsExactly(2, 4);
        assertThat(tally.points())
                .as("task 2's points with --partial: 10 x (1 + 1) / (3 + 1 + 1 + 1), not 10 x 2/4")
                .isEqualTo(3.33);
    }
}
