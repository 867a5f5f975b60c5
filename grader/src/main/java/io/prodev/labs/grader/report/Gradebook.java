package io.prodev.labs.grader.report;

import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * gradebook.csv: one row per submission, sorted by id, one column per catalogue task:
 * {@code submission_id,task_<id>...,total,max,status,compile_errors,graded_at}, where compile_errors counts the
 * submission's files that did not compile (each graded as its starter version).
 */
public final class Gradebook {

    public static final String FILE_NAME = "gradebook.csv";
    private static final String TASK_PREFIX = "task_";
    private static final List<String> TRAILING = List.of("total", "max", "status", "compile_errors", "graded_at");

    private Gradebook() {}

    /** The header for a catalogue's tasks. */
    public static List<String> header(LabCatalogue catalogue) {
        List<String> header = new ArrayList<>(List.of("submission_id"));
        catalogue.tasks().stream().map(LabTask::id).forEach(id -> header.add(TASK_PREFIX + id));
        header.addAll(TRAILING);
        return header;
    }

    /** Writes the gradebook of a batch. */
    public static void write(LabCatalogue catalogue, List<SubmissionResult> results, Path file) {
        writeRows(
                header(catalogue),
                results.stream()
                        .map(result -> GradebookRow.of(result, catalogue))
                        .toList(),
                file);
    }

    /** Writes rows under a header (as {@link #readHeader} returns it), sorted by submission id. */
    public static void writeRows(List<String> header, List<GradebookRow> rows, Path file) {
        List<String> taskIds = taskIds(header, file.toString());
        StringBuilder csv = new StringBuilder(Csv.line(header));
        rows.stream().sorted(Comparator.comparing(GradebookRow::submissionId)).forEach(row -> {
            List<String> fields = new ArrayList<>(List.of(row.submissionId()));
            taskIds.forEach(id -> fields.add(Points.format(row.points(id))));
            fields.addAll(List.of(
                    Points.format(row.total()),
                    Integer.toString(row.max()),
                    row.status(),
                    Integer.toString(row.compileErrors()),
                    row.gradedAt()));
            csv.append(Csv.line(fields));
        });
        TextFiles.write(file, csv.toString());
    }

    /** The header line of a gradebook file. */
    public static List<String> readHeader(Path file) {
        List<Csv.Row> records = records(file);
        List<String> header = records.get(0).fields();
        taskIds(header, file + " line 1");
        return header;
    }

    /** Every row of a gradebook file; a malformed file is an IllegalArgumentException naming it and the line. */
    public static List<GradebookRow> read(Path file) {
        List<Csv.Row> records = records(file);
        List<String> header = records.get(0).fields();
        List<String> taskIds = taskIds(header, file + " line 1");
        List<GradebookRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row record : records.subList(1, records.size())) {
            String where = file + " line " + record.line();
            List<String> fields = record.fields();
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(
                        where + ": expected " + header.size() + " fields, found " + fields.size());
            }
            if (!seen.add(fields.get(0))) {
                throw new IllegalArgumentException(where + ": submission " + fields.get(0) + " appears twice");
            }
            try {
                Map<String, Double> points = new LinkedHashMap<>();
                for (int i = 0; i < taskIds.size(); i++) {
                    points.put(taskIds.get(i), Points.parse(fields.get(i + 1)));
                }
                int n = fields.size();
                rows.add(new GradebookRow(
                        fields.get(0),
                        points,
                        Points.parse(fields.get(n - 5)),
                        Integer.parseInt(fields.get(n - 4)),
                        fields.get(n - 3),
                        Integer.parseInt(fields.get(n - 2)),
                        fields.get(n - 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static List<Csv.Row> records(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gradebook " + file, e);
        }
        List<Csv.Row> records = Csv.parse(text, file.toString());
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + " line 1: the gradebook is empty, expected a header");
        }
        return records;
    }

    /** The task ids of a header; anything but our header is an IllegalArgumentException. */
    private static List<String> taskIds(List<String> header, String where) {
        int n = header.size();
        boolean shaped = n >= 5
                && header.get(0).equals("submission_id")
                && header.subList(n - TRAILING.size(), n).equals(TRAILING)
                && header.subList(1, n - TRAILING.size()).stream().allMatch(column -> column.startsWith(TASK_PREFIX));
        if (!shaped) {
            throw new IllegalArgumentException(where + ": expected a header like submission_id,task_<id>...,"
                    + String.join(",", TRAILING) + ", got: " + String.join(",", header));
        }
        return header.subList(1, n - TRAILING.size()).stream()
                .map(column -> column.substring(TASK_PREFIX.length()))
                .toList();
    }
}
