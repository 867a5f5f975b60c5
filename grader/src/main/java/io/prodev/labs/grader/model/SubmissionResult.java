package io.prodev.labs.grader.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Everything the grader found about one submission: what the reports are written from.
 *
 * @param submissionId   the submission's name (its folder or zip name, without extension)
 * @param lab            the lab graded
 * @param status         pass, fail, or error
 * @param message        why, when status is error or something needs a person's eye; else null
 * @param notes          what intake and the run noticed (ignored files, sandbox denials, time limits)
 * @param compileProblems files swapped for their starter version because they did not compile
 * @param tests          every test of the lab, visible and hidden, in a stable order
 * @param tasks          the score of every task of the catalogue, in catalogue order
 * @param total          points earned
 * @param max            points possible
 * @param gradedAt       when grading finished
 */
public record SubmissionResult(
        String submissionId,
        String lab,
        GradeStatus status,
        String message,
        List<String> notes,
        List<CompileProblem> compileProblems,
        List<TestResult> tests,
        List<TaskScore> tasks,
        double total,
        int max,
        Instant gradedAt) {

    public SubmissionResult {
        gradedAt = gradedAt == null ? null : gradedAt.truncatedTo(ChronoUnit.SECONDS); // reports show it to the second
        notes = List.copyOf(notes);
        compileProblems = List.copyOf(compileProblems);
        tests = List.copyOf(tests);
        tasks = List.copyOf(tasks);
    }
}
