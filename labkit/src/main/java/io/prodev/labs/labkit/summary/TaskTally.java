package io.prodev.labs.labkit.summary;

import java.util.Optional;

/** How the tests of one task went. Not thread-safe: the listener guards it. */
final class TaskTally {

    private int passed;
    private int total;
    private String firstProblem;

    void passed() {
        passed++;
        total++;
    }

    /** @param why what went wrong, in one line ("first failure: ...", "skipped: ..."); the first one is kept */
    void notPassed(String why) {
        total++;
        if (firstProblem == null) {
            firstProblem = why;
        }
    }

    int passedCount() {
        return passed;
    }

    int total() {
        return total;
    }

    /** What went wrong first, for a task that does not pass. */
    Optional<String> firstProblem() {
        return Optional.ofNullable(firstProblem);
    }

    boolean isPassing() {
        return total > 0 && passed == total;
    }
}
