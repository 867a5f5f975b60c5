package io.prodev.labs.grader.check;

import java.util.List;

/**
 * What one invariant of {@code grader check} found.
 *
 * @param summary  the invariant, as the ok / FAIL line states it
 * @param problems one sentence per problem; empty when the invariant holds
 */
record CheckOutcome(String summary, List<String> problems) {

    CheckOutcome {
        problems = List.copyOf(problems);
    }
}
