package io.prodev.labs.grader.compile;

import io.prodev.labs.grader.model.CompileProblem;
import java.util.List;

/**
 * How a submission compiled.
 *
 * @param problems learner files that did not compile and were swapped for their starter version
 */
public record CompileOutcome(List<CompileProblem> problems) {

    public CompileOutcome {
        problems = List.copyOf(problems);
    }
}
