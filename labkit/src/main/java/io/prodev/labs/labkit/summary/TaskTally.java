package io.prodev.labs.labkit.summary;

import java.util.ArrayList;
import java.util.List;

/** How the tests of one task went. Not thread-safe: the listener guards it. */
final class TaskTally {

    private int passed;
    private int total;
    private final List<String> notPassed = new ArrayList<>();

    void passed() {
        passed++;
        total++;
    }

    void notPassed(String testName) {
        total++;
        notPassed.add(testName);
    }

    int passedCount() {
        return passed;
    }

    int total() {
        return total;
    }

    List<String> notPassedNames() {
        return List.copyOf(notPassed);
    }

    boolean isPassing() {
        return total > 0 && passed == total;
    }
}
