package io.prodev.labs.labkit;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Runs some tasks' tests: {@code ./mvnw -pl caching-lab test -Dtask=3} or {@code -Dtask=3,4}. Registered
 * through {@code META-INF/services}, so every lab with labkit on its test class path has it. Without the
 * {@code task} property it lets everything through.
 *
 * <p>When the selection names an id that is not a task of the lab's {@code lab.json}, nothing runs: the lab's
 * end-of-run check ({@link io.prodev.labs.labkit.summary.TaskSummaryGate}) then fails the build naming the bad
 * id, instead of running the tests of the ids that happen to be right.
 */
public class TaskFilter implements PostDiscoveryFilter {

    /** The system property that names the tasks to run. */
    public static final String PROPERTY = TaskSelection.PROPERTY;

    private final Supplier<String> property;
    private final Supplier<Optional<LabCatalogue>> catalogue;
    private String selectionRead;
    private TaskSelection selection;
    private Optional<String> problem;

    public TaskFilter() {
        this(
                () -> System.getProperty(PROPERTY),
                () -> LabCatalogue.fromClassPath(Thread.currentThread().getContextClassLoader()));
    }

    TaskFilter(Supplier<String> property, Supplier<Optional<LabCatalogue>> catalogue) {
        this.property = property;
        this.catalogue = catalogue;
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        TaskSelection wanted = selection();
        // Parameterized and factory methods are containers until they run: filter them by their method too.
        boolean methodContainer =
                descriptor.getSource().filter(MethodSource.class::isInstance).isPresent();
        if (wanted.selectsAll() || !descriptor.isTest() && !methodContainer) {
            return FilterResult.included("no task filter");
        }
        if (problem.isPresent()) {
            return FilterResult.excluded(problem.get());
        }
        Optional<String> task =
                TestSourceTasks.taskOf(descriptor, TestDescriptor::getSource, TestDescriptor::getParent);
        return task.filter(wanted::includes).isPresent()
                ? FilterResult.included("task " + task.get() + " of " + wanted)
                : FilterResult.excluded("not a task of " + wanted);
    }

    /** Read once per value: the catalogue is read only when a selection names tasks. */
    private synchronized TaskSelection selection() {
        String written = property.get();
        if (selection == null || !Objects.equals(written, selectionRead)) {
            selectionRead = written;
            selection = TaskSelection.parse(written);
            problem =
                    selection.selectsAll() ? Optional.empty() : catalogue.get().flatMap(selection::problemWith);
        }
        return selection;
    }
}
