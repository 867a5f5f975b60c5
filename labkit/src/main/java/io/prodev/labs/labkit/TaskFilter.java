package io.prodev.labs.labkit;

import java.util.Optional;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Runs one task's tests: {@code ./mvnw -pl caching-lab -am test -Dtask=3}. Registered through
 * {@code META-INF/services}, so every lab with labkit on its test class path has it. Without the
 * {@code task} property it lets everything through.
 */
public class TaskFilter implements PostDiscoveryFilter {

    /** The system property that names the task to run. */
    public static final String PROPERTY = "task";

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        String wanted = System.getProperty(PROPERTY, "").trim();
        // Parameterized and factory methods are containers until they run: filter them by their method too.
        boolean methodContainer =
                descriptor.getSource().filter(MethodSource.class::isInstance).isPresent();
        if (wanted.isEmpty() || !descriptor.isTest() && !methodContainer) {
            return FilterResult.included("no task filter");
        }
        Optional<String> task =
                TestSourceTasks.taskOf(descriptor, TestDescriptor::getSource, TestDescriptor::getParent);
        return task.filter(wanted::equals).isPresent()
                ? FilterResult.included("task " + wanted)
                : FilterResult.excluded("not task " + wanted);
    }
}
