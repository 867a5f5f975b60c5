package io.prodev.labs.grader.intake;

import java.util.List;
import java.util.Map;

/**
 * What intake took from a submission.
 *
 * @param submissionId the submission's name
 * @param learnerFiles the learner-editable files found, by path relative to the lab, as text
 * @param notes        what the learner should know: ignored files, missing files, unsafe zip entries
 * @param error        why the submission cannot be graded at all, or null
 */
public record IntakeResult(String submissionId, Map<String, String> learnerFiles, List<String> notes, String error) {

    public IntakeResult {
        learnerFiles = Map.copyOf(learnerFiles);
        notes = List.copyOf(notes);
    }

    static IntakeResult rejected(String submissionId, List<String> notes, String error) {
        return new IntakeResult(submissionId, Map.of(), notes, error);
    }
}
