package io.prodev.labs.grader.report;

import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every report of a batch:
 * <pre>
 * outDir/&lt;submission&gt;/results.json, feedback.md
 * outDir/gradebook.csv, index.html, lab.json
 * </pre>
 */
public final class BatchReport {

    public static final String RESULTS_JSON = "results.json";
    public static final String FEEDBACK_MD = "feedback.md";

    private BatchReport() {}

    /** Writes the batch's reports; bad ids are refused before anything is written. */
    public static void write(LabCatalogue catalogue, List<SubmissionResult> results, Path outDir) {
        Set<String> seen = new HashSet<>();
        for (SubmissionResult result : results) {
            if (!seen.add(SubmissionIds.requireSafe(result.submissionId()))) {
                throw new IllegalArgumentException(
                        "submission id " + result.submissionId() + " appears twice in the batch");
            }
        }
        for (SubmissionResult result : results) {
            Path folder = outDir.resolve(result.submissionId());
            ResultsJson.write(result, folder.resolve(RESULTS_JSON));
            FeedbackMarkdown.write(result, catalogue, folder.resolve(FEEDBACK_MD));
        }
        Gradebook.write(catalogue, results, outDir.resolve(Gradebook.FILE_NAME));
        CatalogueJson.write(catalogue, outDir.resolve(CatalogueJson.FILE_NAME));
        IndexHtml.write(
                catalogue, Gradebook.read(outDir.resolve(Gradebook.FILE_NAME)), outDir.resolve(IndexHtml.FILE_NAME));
    }
}
