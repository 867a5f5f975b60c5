package io.prodev.labs.labkit.summary;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns per-task tallies into the lines printed at the end of a test run: one row per task, and under each
 * task that does not pass, what went wrong first.
 */
final class TaskSummaryFormatter {

    /** No line is wider: the summary must read whole in a terminal or a CI log, never wrapped. */
    static final int MAX_WIDTH = 100;

    private static final int MAX_NAMES_SHOWN = 3;
    private static final int RULE_MAX = 80;
    private static final String ELLIPSIS = "...";
    /** Lines under a row start under the row's "Task". */
    private static final String UNDER_ROW = "       ";

    private TaskSummaryFormatter() {}

    /**
     * @param untagged        names of tests that carry no {@code @Task}
     * @param outsideAnyTask  failures of tests or containers that belong to no task, one line each
     */
    static List<String> format(
            LabCatalogue catalogue,
            Map<String, TaskTally> tallies,
            List<String> untagged,
            List<String> outsideAnyTask) {
        Map<LabTask, String> counts = new LinkedHashMap<>();
        for (LabTask task : catalogue.tasks()) {
            TaskTally tally = tallies.get(task.id());
            counts.put(
                    task,
                    tally == null || tally.total() == 0
                            ? "not run"
                            : String.format("%d/%d tests", tally.passedCount(), tally.total()));
        }
        int idWidth =
                Math.max(2, widest(catalogue.tasks().stream().map(LabTask::id).toList()));
        int countsWidth = widest(List.copyOf(counts.values()));
        // " PASS  Task " + id + " " + title + "  " + counts: a long title gives way, the counts never do.
        int titleRoom = MAX_WIDTH - " PASS  Task ".length() - idWidth - 1 - 2 - countsWidth;
        int titleWidth = Math.min(
                titleRoom, widest(catalogue.tasks().stream().map(LabTask::title).toList()));

        List<String> lines = new ArrayList<>();
        lines.add("==== " + catalogue.lab() + ": results by task ====");
        int passing = 0;
        int testsPassed = 0;
        int testsRun = 0;
        for (LabTask task : catalogue.tasks()) {
            TaskTally tally = tallies.get(task.id());
            String mark = tally == null || tally.total() == 0 ? "----" : tally.isPassing() ? "PASS" : "FAIL";
            String row = String.format(
                    " %s  Task %-" + idWidth + "s %-" + titleWidth + "s  %s",
                    mark,
                    task.id(),
                    fit(task.title(), titleWidth),
                    counts.get(task));
            lines.add(row.stripTrailing());
            if (tally == null) {
                continue;
            }
            testsPassed += tally.passedCount();
            testsRun += tally.total();
            if (tally.isPassing()) {
                passing++;
            } else {
                tally.firstProblem().ifPresent(why -> lines.add(UNDER_ROW + why));
            }
        }
        tallies.keySet().stream()
                .filter(id -> catalogue.task(id).isEmpty())
                .sorted()
                .forEach(id -> lines.add(" !!!!  @Task(\"" + id + "\") is not a task of " + LabCatalogue.FILE_NAME));
        if (!untagged.isEmpty()) {
            lines.add(" !!!!  " + untagged.size() + " test(s) carry no @Task: " + names(untagged));
        }
        outsideAnyTask.forEach(failure -> lines.add(" !!!!  " + failure));
        List<String> fitted =
                new ArrayList<>(lines.stream().map(line -> fit(line, MAX_WIDTH)).toList());
        fitted.add("-".repeat(Math.min(RULE_MAX, widest(fitted))));
        fitted.add(String.format(
                " %d of %d tasks pass (%d of %d tests)",
                passing, catalogue.tasks().size(), testsPassed, testsRun));
        return fitted;
    }

    /** The characters left for a text that follows the label on a line under a task's row. */
    static int roomUnderRow(String label) {
        return MAX_WIDTH - UNDER_ROW.length() - label.length();
    }

    /** The text, cut to the width with "..." at its end when it is wider. */
    static String fit(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return text.substring(0, Math.max(0, width - ELLIPSIS.length())).stripTrailing() + ELLIPSIS;
    }

    private static int widest(List<String> texts) {
        return texts.stream().mapToInt(String::length).max().orElse(0);
    }

    private static String names(List<String> names) {
        if (names.size() <= MAX_NAMES_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES_SHOWN)) + " and " + (names.size() - MAX_NAMES_SHOWN)
                + " more";
    }
}
