package io.prodev.labs.grader.score;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodev.labs.grader.model.TaskScore;
import io.prodev.labs.grader.model.TestResult;
import io.prodev.labs.grader.model.TestStatus;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static final LabCatalogue LAB = new LabCatalogue(
            "demo-lab", "Demo", "", List.of(new LabTask("1", "Tally", 12, List.of("src/main/java/Tally.java"))));

    /** The core rule's test weighs 3 and failed; two details weigh 1 and passed. */
    private static final List<TestResult> CORE_BROKEN = List.of(
            test("core", TestStatus.FAIL, 3),
            test("detail-a", TestStatus.PASS, 1),
            test("detail-b", TestStatus.PASS, 1));

    @Test
    void partialCreditFollowsTheWeightOfThePassedTests() {
        TaskScore score = Scorer.score(LAB, CORE_BROKEN, true).get(0);

        assertThat(score.points())
                .as("points of a 12-point task whose weight-3 test failed and two weight-1 tests passed (12 x 2/5)")
                .isEqualTo(4.8);
        assertThat(List.of(score.passed(), score.total()))
                .as("tests passed and run, counted one each whatever their weight")
                .containsExactly(2, 3);
    }

    @Test
    void withoutPartialCreditATaskNeedsEveryTestWhateverTheWeights() {
        assertThat(Scorer.score(LAB, CORE_BROKEN, false).get(0).points())
                .as("points when any test failed")
                .isZero();
        List<TestResult> allPassed = List.of(test("core", TestStatus.PASS, 3), test("detail", TestStatus.PASS, 1));
        assertThat(Scorer.score(LAB, allPassed, false).get(0).points())
                .as("points when every test passed: lab.json's, whatever the weights")
                .isEqualTo(12.0);
    }

    @Test
    void everyTestWeighsOneByDefault() {
        List<TestResult> tests = List.of(
                new TestResult("a", "a", "1", false, TestStatus.PASS, null, ""),
                new TestResult("b", "b", "1", false, TestStatus.FAIL, "x", ""),
                new TestResult("c", "c", "1", false, TestStatus.FAIL, "x", ""));

        assertThat(Scorer.score(LAB, tests, true).get(0).points())
                .as("12 x 1/3 with default weights")
                .isEqualTo(4.0);
    }

    private static TestResult test(String name, TestStatus status, int weight) {
        return new TestResult(
                name, name, "1", false, status, status == TestStatus.PASS ? null : "failed", "", null, weight);
    }
}
