package io.prodev.labs.labkit.summary;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns per-task tallies into the lines printed at the end of a test run: one line per task. */
final class TaskSummaryFormatter {

    private static final int MAX_NAMES_SHOWN = 3;
    private static final int RULE_MAX = 80;

    private TaskSummaryFormatter() {}

    static List<String> format(LabCatalogue catalogue, Map<String, TaskTally> tallies, List<String> untagged) {
        int titleWidth = catalogue.tasks().stream()
                .mapToInt(task -> task.title().length())
                .max()
                .orElse(10);
        List<String> lines = new ArrayList<>();
        String heading = "==== " + catalogue.lab() + ": results by task ====";
        lines.add(heading);
        int passing = 0;
        for (LabTask task : catalogue.tasks()) {
            TaskTally tally = tallies.get(task.id());
            String name = String.format("Task %-2s %-" + titleWidth + "s", task.id(), task.title());
            if (tally == null || tally.total() == 0) {
                lines.add(" ----  " + name + "  not run");
                continue;
            }
            String counts = String.format("%d/%d tests", tally.passedCount(), tally.total());
            if (tally.isPassing()) {
                passing++;
                lines.add(" PASS  " + name + "  " + counts);
            } else {
                lines.add(" FAIL  " + name + "  " + counts + "  not passing: " + names(tally.notPassedNames()));
            }
        }
        tallies.keySet().stream()
                .filter(id -> catalogue.task(id).isEmpty())
                .sorted()
                .forEach(id -> lines.add(" !!!!  @Task(\"" + id + "\") is not a task of " + LabCatalogue.FILE_NAME));
        if (!untagged.isEmpty()) {
            lines.add(" !!!!  " + untagged.size() + " test(s) carry no @Task: " + names(untagged));
        }
        lines.add("-"
                .repeat(Math.min(
                        RULE_MAX, lines.stream().mapToInt(String::length).max().orElse(heading.length()))));
        lines.add(
                String.format(" %d of %d tasks pass", passing, catalogue.tasks().size()));
        return lines;
    }

    private static String names(List<String> names) {
        if (names.size() <= MAX_NAMES_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES_SHOWN)) + " and " + (names.size() - MAX_NAMES_SHOWN)
                + " more";
    }
}
