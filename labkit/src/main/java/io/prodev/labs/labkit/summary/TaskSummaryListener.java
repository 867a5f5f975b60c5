package io.prodev.labs.labkit.summary;

import io.prodev.labs.labkit.TaskSelection;
import io.prodev.labs.labkit.TestSourceTasks;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Makes, when a test run ends, the per-task summary: one row per task of the lab's catalogue (id, title,
 * tests passed out of those run, PASS or FAIL) and, under a task that does not pass, its first failure's
 * message. Registered through {@code META-INF/services}, so every lab that has labkit on its test class path
 * gets it.
 *
 * <p>It prints the summary on standard output (an IDE, a plain launcher), or, when the system property
 * {@value #FILE_PROPERTY} names a file (a lab's Maven build sets it), writes it there for the build to print
 * after Maven's own test recap ({@link TaskSummaryGate}). Set {@code -Dlabkit.summary=false} to silence it.
 */
public class TaskSummaryListener implements TestExecutionListener {

    /** Set to {@code false} to print no summary. */
    public static final String ENABLED_PROPERTY = "labkit.summary";

    /** The file to write the summary to instead of printing it. */
    public static final String FILE_PROPERTY = "labkit.summary.file";

    private final PrintStream out;
    private final Function<String, String> properties;
    private final Map<String, TaskTally> tallies = new TreeMap<>();
    private final List<String> untagged = new ArrayList<>();
    private final List<String> outsideAnyTask = new ArrayList<>();
    private int testsRun;
    private int failures;
    private TestPlan plan;

    public TaskSummaryListener() {
        this(System.out, System::getProperty);
    }

    /** @param properties the system properties, by name */
    TaskSummaryListener(PrintStream out, Function<String, String> properties) {
        this.out = out;
        this.properties = properties;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        tallies.clear();
        untagged.clear();
        outsideAnyTask.clear();
        testsRun = 0;
        failures = 0;
        // Overwritten at the end: a file that still says "running" tells the build the test JVM died.
        summaryFile().ifPresent(file -> TaskSummaryFile.write(file, RecordedRun.started()));
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
        String why = reason == null || reason.isBlank() ? "skipped" : "skipped: " + FailureText.oneLine(reason);
        if (identifier.isTest()) {
            record(identifier, Optional.of(why));
        } else {
            plan.getDescendants(identifier).stream()
                    .filter(TestIdentifier::isTest)
                    .forEach(test -> record(test, Optional.of(why)));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
        if (failed) {
            failures++;
        }
        Optional<String> why = failed
                ? Optional.of(why("first failure: ", result, "failed"))
                : result.getStatus() == TestExecutionResult.Status.ABORTED
                        ? Optional.of(why("aborted: ", result, "an assumption failed"))
                        : Optional.empty();
        if (identifier.isTest()) {
            record(identifier, why);
        } else if (failed) {
            // A failing container (a @BeforeAll, a class that does not load) reports none of its tests: it
            // still fails the build, so it must show in the summary, under its task.
            recordContainerFailure(identifier, why.get());
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        Optional<LabCatalogue> catalogue =
                LabCatalogue.fromClassPath(Thread.currentThread().getContextClassLoader());
        Optional<String> selectionProblem =
                catalogue.flatMap(TaskSelection.parse(properties.apply(TaskSelection.PROPERTY))::problemWith);
        List<String> lines;
        if (selectionProblem.isPresent()) {
            lines = List.of(selectionProblem.get());
        } else if (catalogue.isEmpty() || tallies.isEmpty() && untagged.isEmpty() && outsideAnyTask.isEmpty()) {
            lines = List.of();
        } else {
            lines = TaskSummaryFormatter.format(catalogue.get(), tallies, untagged, outsideAnyTask);
        }
        boolean failed = failures > 0 || selectionProblem.isPresent();
        Optional<Path> file = summaryFile();
        if (file.isPresent()) {
            RecordedRun.Outcome outcome = failed ? RecordedRun.Outcome.FAILED : RecordedRun.Outcome.PASSED;
            TaskSummaryFile.write(file.get(), new RecordedRun(outcome, testsRun, failures, lines));
        } else if (enabled() && !lines.isEmpty()) {
            out.println();
            lines.forEach(out::println);
            out.flush();
        }
    }

    /** The label, then the result's exception in the room left on a line under the task's row. */
    private static String why(String label, TestExecutionResult result, String withoutException) {
        int room = TaskSummaryFormatter.roomUnderRow(label);
        return label
                + result.getThrowable()
                        .map(failure -> FailureText.of(failure, room))
                        .orElse(withoutException);
    }

    private boolean enabled() {
        return Boolean.parseBoolean(
                Optional.ofNullable(properties.apply(ENABLED_PROPERTY)).orElse("true"));
    }

    private Optional<Path> summaryFile() {
        return Optional.ofNullable(properties.apply(FILE_PROPERTY))
                .filter(name -> !name.isBlank())
                .map(Path::of);
    }

    /** @param whyNotPassed empty when the test passed */
    private void record(TestIdentifier test, Optional<String> whyNotPassed) {
        testsRun++;
        Optional<String> task = TestSourceTasks.taskOf(test, TestIdentifier::getSource, plan::getParent);
        if (task.isEmpty()) {
            untagged.add(displayName(test));
            whyNotPassed
                    .filter(why -> why.startsWith("first failure"))
                    .ifPresent(why -> outsideAnyTask.add(displayName(test) + ": " + why));
            return;
        }
        TaskTally tally = tallies.computeIfAbsent(task.get(), id -> new TaskTally());
        whyNotPassed.ifPresentOrElse(tally::notPassed, tally::passed);
    }

    private void recordContainerFailure(TestIdentifier container, String why) {
        Optional<String> task = TestSourceTasks.taskOf(container, TestIdentifier::getSource, plan::getParent);
        if (task.isPresent()) {
            tallies.computeIfAbsent(task.get(), id -> new TaskTally()).notPassed(why);
        } else {
            outsideAnyTask.add(container.getDisplayName() + ": " + why);
        }
    }

    private String displayName(TestIdentifier test) {
        String name = test.getDisplayName();
        return plan.getParent(test)
                .filter(parent ->
                        parent.getSource().isPresent() && !parent.getParentId().isEmpty())
                .map(parent -> parent.getDisplayName() + " > " + name)
                .orElse(name);
    }
}
