package io.prodev.labs.labkit;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tasks a learner asked to run with {@code -Dtask}: one id ({@code -Dtask=3}), a comma list
 * ({@code -Dtask=3,4}), or, without the property or with it blank, every task.
 */
public final class TaskSelection {

    /** The system property that names the tasks to run. */
    public static final String PROPERTY = "task";

    private final String written;
    private final Set<String> ids;

    private TaskSelection(String written, Set<String> ids) {
        this.written = written;
        this.ids = ids;
    }

    /** The selection the {@value #PROPERTY} system property names. */
    public static TaskSelection fromSystemProperty() {
        return parse(System.getProperty(PROPERTY));
    }

    /**
     * @param written the property's value as the learner wrote it; null or blank selects every task. Spaces
     *     around ids and empty items ({@code 3,,4}) are ignored; a repeated id counts once.
     */
    public static TaskSelection parse(String written) {
        String value = written == null ? "" : written.trim();
        Set<String> ids = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new TaskSelection(value, Collections.unmodifiableSet(ids));
    }

    /** True when no task was named: every test runs. */
    public boolean selectsAll() {
        return written.isEmpty();
    }

    /** Whether the tests of this task run. */
    public boolean includes(String taskId) {
        return selectsAll() || ids.contains(taskId);
    }

    /** The ids as written, in order, without repeats. */
    public List<String> ids() {
        return List.copyOf(ids);
    }

    /**
     * What is wrong with this selection for a lab, in one line that names the bad ids and the lab's tasks;
     * empty when every id is a task of the lab. A learner who mistypes an id must hear so, not see a
     * successful run of no tests.
     */
    public Optional<String> problemWith(LabCatalogue catalogue) {
        if (selectsAll()) {
            return Optional.empty();
        }
        List<String> taskIds = catalogue.tasks().stream().map(LabTask::id).toList();
        String itsTasks = "; its tasks are " + String.join(", ", taskIds);
        if (ids.isEmpty()) {
            return Optional.of("-Dtask=" + written + " names no task of " + catalogue.lab() + itsTasks);
        }
        List<String> unknown = ids.stream().filter(id -> !taskIds.contains(id)).toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("-Dtask=" + written + ": " + catalogue.lab() + " has no task " + orList(unknown) + itsTasks);
    }

    private static String orList(List<String> ids) {
        if (ids.size() == 1) {
            return ids.get(0);
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    @Override
    public String toString() {
        return selectsAll() ? "every task" : "-Dtask=" + written;
    }
}
