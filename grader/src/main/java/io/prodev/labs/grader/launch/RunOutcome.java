package io.prodev.labs.grader.launch;

import io.prodev.labs.grader.model.TestResult;
import java.util.List;

/**
 * What a forked run produced.
 *
 * @param tests every test the run knew of, finished or not, in the order they were announced
 * @param notes what the learner should know: sandbox denials, the time limit, a crash
 * @param incomplete why the run cannot be scored (some tests never even started), or null when it can
 */
public record RunOutcome(List<TestResult> tests, List<String> notes, String incomplete) {

    public RunOutcome {
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
    }

    public RunOutcome(List<TestResult> tests, List<String> notes) {
        this(tests, notes, null);
    }

    /** A run whose results would not be fair to score: a test that never ran must not be left out. */
    static RunOutcome incomplete(String why) {
        return new RunOutcome(List.of(), List.of(), why);
    }
}
