package io.prodev.labs.grader.launch;

import io.prodev.labs.grader.model.TestResult;
import java.util.List;

/**
 * What a forked run produced.
 *
 * @param tests every test the run knew of, finished or not, in the order they were announced
 * @param notes what the learner should know: sandbox denials, the time limit, a crash
 */
public record RunOutcome(List<TestResult> tests, List<String> notes) {

    public RunOutcome {
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
    }
}
