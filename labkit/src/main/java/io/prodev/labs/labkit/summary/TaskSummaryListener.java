package io.prodev.labs.labkit.summary;

import io.prodev.labs.labkit.TestSourceTasks;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, when a test run ends, one line per task of the lab's catalogue: id, title, tests passed
 * out of those run, and PASS or FAIL. Registered through {@code META-INF/services}, so every lab that
 * has labkit on its test class path gets it. Set {@code -Dlabkit.summary=false} to silence it.
 */
public class TaskSummaryListener implements TestExecutionListener {

    private final PrintStream out;
    private final Map<String, TaskTally> tallies = new TreeMap<>();
    private final List<String> untagged = new ArrayList<>();
    private TestPlan plan;

    public TaskSummaryListener() {
        this(System.out);
    }

    TaskSummaryListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        tallies.clear();
        untagged.clear();
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
        if (identifier.isTest()) {
            record(identifier, false);
        } else {
            plan.getDescendants(identifier).stream()
                    .filter(TestIdentifier::isTest)
                    .forEach(test -> record(test, false));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            record(identifier, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL);
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (!Boolean.parseBoolean(System.getProperty("labkit.summary", "true"))) {
            return;
        }
        Optional<LabCatalogue> catalogue =
                LabCatalogue.fromClassPath(Thread.currentThread().getContextClassLoader());
        if (catalogue.isEmpty() || tallies.isEmpty() && untagged.isEmpty()) {
            return;
        }
        out.println();
        TaskSummaryFormatter.format(catalogue.get(), tallies, untagged).forEach(out::println);
        out.flush();
    }

    private void record(TestIdentifier test, boolean passed) {
        Optional<String> task = TestSourceTasks.taskOf(test, TestIdentifier::getSource, plan::getParent);
        String name = displayName(test);
        if (task.isEmpty()) {
            untagged.add(name);
            return;
        }
        TaskTally tally = tallies.computeIfAbsent(task.get(), id -> new TaskTally());
        if (passed) {
            tally.passed();
        } else {
            tally.notPassed(name);
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
