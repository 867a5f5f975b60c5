package io.prodev.labs.labkit.summary;

import io.prodev.labs.labkit.TaskSelection;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The step of a lab's {@code test} phase that runs after Surefire: prints the per-task summary the test JVM
 * left in its file, so that it is the last thing a learner reads before Maven's BUILD SUCCESS or FAILURE, and
 * writes the verdict that {@code failsafe:verify}, run next, fails the build on.
 *
 * <p>The root POM runs it, in every module that has a {@code lab.json}, with {@code exec:java}. Surefire runs
 * with {@code testFailureIgnore} there: it would otherwise end the build before this step. So the verdict must
 * fail the build for everything Surefire would: a failing test or container, or a test JVM that died (its file
 * still says "running"); and for a {@code -Dtask} that names no task of the lab.
 */
public final class TaskSummaryGate {

    /** The file, in the folder the build gives, that the test JVM writes ({@link TaskSummaryListener}). */
    public static final String SUMMARY_FILE = "task-summary.txt";

    /** The file, in the same folder, that {@code failsafe:verify} reads. */
    public static final String VERDICT_FILE = "test-verdict.xml";

    private final PrintStream out;
    private final TaskSelection selection;
    private final Optional<LabCatalogue> catalogue;
    private final boolean printSummary;

    TaskSummaryGate(PrintStream out, TaskSelection selection, Optional<LabCatalogue> catalogue, boolean printSummary) {
        this.out = out;
        this.selection = selection;
        this.catalogue = catalogue;
        this.printSummary = printSummary;
    }

    /** @param args the lab's summary folder ({@code target/labkit}), where both files live */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TaskSummaryGate <summary folder>");
        }
        // exec:java runs in Maven's JVM, where -Dtask and -Dlabkit.summary are system properties too.
        new TaskSummaryGate(
                        System.out,
                        TaskSelection.fromSystemProperty(),
                        LabCatalogue.fromClassPath(Thread.currentThread().getContextClassLoader()),
                        Boolean.parseBoolean(System.getProperty(TaskSummaryListener.ENABLED_PROPERTY, "true")))
                .run(Path.of(args[0]));
    }

    /** Prints what there is to print and writes the verdict; never throws for a failing run. */
    void run(Path folder) {
        Path verdict = folder.resolve(VERDICT_FILE);
        // Checked here too, not only in the test JVM: the message must come even when no test JVM started.
        Optional<String> selectionProblem = catalogue.flatMap(selection::problemWith);
        if (selectionProblem.isPresent()) {
            print(List.of(selectionProblem.get()));
            TestVerdictFile.write(verdict, 0, 0, selectionProblem);
            return;
        }
        Optional<RecordedRun> recorded = TaskSummaryFile.read(folder.resolve(SUMMARY_FILE));
        if (recorded.isEmpty()) {
            // No test ran in this build (-DskipTests, no test class): nothing to sum up, nothing failed.
            TestVerdictFile.write(verdict, 0, 0, Optional.empty());
            return;
        }
        RecordedRun run = recorded.get();
        if (run.outcome() == RecordedRun.Outcome.RUNNING) {
            String died = "The test JVM stopped before the end of the tests, so there is no summary by task:"
                    + " the test output above says why.";
            print(List.of(died));
            TestVerdictFile.write(verdict, run.testsRun(), run.testsFailed(), Optional.of(died));
            return;
        }
        print(run.lines());
        boolean failed = run.outcome() == RecordedRun.Outcome.FAILED;
        // A failure outside any test (a JUnit engine that could not start) still fails the build.
        int failures = failed ? Math.max(1, run.testsFailed()) : 0;
        TestVerdictFile.write(verdict, run.testsRun(), failures, Optional.empty());
    }

    private void print(List<String> lines) {
        if (printSummary && !lines.isEmpty()) {
            out.println();
            lines.forEach(out::println);
            out.flush();
        }
    }
}
