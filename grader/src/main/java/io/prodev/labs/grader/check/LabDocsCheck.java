package io.prodev.labs.grader.check;

import io.prodev.labs.grader.starter.SolutionStripper;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a lab's README and files agree with its task catalogue: the README's task table has one
 * {@code | id | title | points | ... |} row per task, there is one {@code ## Task <id> — <title>} section
 * per task in catalogue order, every learner file exists, and every learner {@code .java} file has a
 * well-formed solution region (otherwise the learner edition would hand out the reference solution).
 */
public final class LabDocsCheck {

    private static final Pattern TASK_HEADING = Pattern.compile("^##\\s+Task\\s+(\\S+)\\s+([—–-])\\s+(.+?)\\s*$");

    private LabDocsCheck() {}

    /** @return one human-readable sentence per problem; empty when the lab is consistent */
    public static List<String> problems(Path labDir, LabCatalogue catalogue) {
        List<String> problems = new ArrayList<>();
        Path readme = labDir.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            List<String> lines = proseLines(read(readme));
            checkTable(lines, catalogue, problems);
            checkHeadings(lines, catalogue, problems);
        } else {
            problems.add(catalogue.lab() + " has no README.md");
        }
        for (LabTask task : catalogue.tasks()) {
            for (String file : task.files()) {
                checkLearnerFile(labDir, task, file, problems);
            }
        }
        return problems;
    }

    private static void checkTable(List<String> lines, LabCatalogue catalogue, List<String> problems) {
        int header = 0;
        while (header < lines.size()
                && !cells(lines.get(header)).stream().findFirst().orElse("").equals("id")) {
            header++;
        }
        if (header == lines.size()) {
            problems.add("README.md has no task table (a table whose first column is \"id\")");
            return;
        }
        List<String> ids = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).strip().startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            String id = row.get(0);
            LabTask task = catalogue.task(id).orElse(null);
            if (task == null) {
                problems.add("README.md task table has a row for task " + id + ", which lab.json does not have");
            } else if (ids.contains(id)) {
                problems.add("README.md task table has two rows for task " + id);
            } else if (row.size() < 3
                    || !row.get(1).equals(task.title())
                    || !row.get(2).equals(Integer.toString(task.points()))) {
                problems.add("README.md task table row for task " + id + " reads \"" + String.join(" | ", row)
                        + "\"; lab.json says title \"" + task.title() + "\", " + task.points() + " points");
            }
            ids.add(id);
        }
        compareOrder("task-table row", ids, catalogue, problems);
    }

    private static void checkHeadings(List<String> lines, LabCatalogue catalogue, List<String> problems) {
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            Matcher heading = TASK_HEADING.matcher(line);
            if (!heading.matches()) {
                continue;
            }
            String id = heading.group(1);
            LabTask task = catalogue.task(id).orElse(null);
            if (task == null) {
                problems.add("README.md has a section \"" + line + "\" for a task lab.json does not have");
            } else if (ids.contains(id)) {
                problems.add("README.md has two sections for task " + id);
            } else if (!heading.group(2).equals("—") || !heading.group(3).equals(task.title())) {
                problems.add("README.md section \"" + line + "\" should read \"## Task " + id + " — " + task.title()
                        + "\" (an em dash, and the title of lab.json)");
            }
            ids.add(id);
        }
        compareOrder("\"## Task N — title\" section", ids, catalogue, problems);
    }

    /** Reports missing tasks, and tasks out of catalogue order, once each. */
    private static void compareOrder(String thing, List<String> found, LabCatalogue catalogue, List<String> problems) {
        List<String> expected = catalogue.tasks().stream().map(LabTask::id).toList();
        List<String> known =
                found.stream().distinct().filter(expected::contains).toList();
        expected.stream()
                .filter(id -> !known.contains(id))
                .forEach(id -> problems.add("README.md has no " + thing + " for task " + id));
        List<String> expectedOrder = expected.stream().filter(known::contains).toList();
        if (!known.equals(expectedOrder)) {
            problems.add("README.md has its " + thing + "s in the order " + known + "; lab.json has " + expected);
        }
    }

    private static void checkLearnerFile(Path labDir, LabTask task, String file, List<String> problems) {
        Path path = labDir.resolve(file);
        if (!Files.isRegularFile(path)) {
            problems.add("task " + task.id() + " lists " + file + " in lab.json, but the file does not exist");
            return;
        }
        String text = read(path);
        if (file.endsWith(".java") && !SolutionStripper.hasRegions(text)) {
            problems.add(file + " (task " + task.id() + ") has no solution region: the learner edition"
                    + " would hand out the reference solution");
        }
        try {
            SolutionStripper.strip(text, file, task);
        } catch (IllegalArgumentException badRegion) {
            problems.add(badRegion.getMessage());
        }
    }

    /** The README's lines outside fenced code blocks, where an example table or heading is not the real one. */
    private static List<String> proseLines(String text) {
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String line : text.lines().toList()) {
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.add(line);
            }
        }
        return prose;
    }

    /** The trimmed cells of a Markdown table row; empty for a line that is not one. */
    private static List<String> cells(String line) {
        String row = line.strip();
        if (!row.startsWith("|")) {
            return List.of();
        }
        row = row.endsWith("|") && row.length() > 1 ? row.substring(1, row.length() - 1) : row.substring(1);
        return Arrays.stream(row.split("(?<!\\\\)\\|", -1)).map(String::strip).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
