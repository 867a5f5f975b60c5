package io.prodev.labs.labkit.catalogue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A lab's task catalogue, read from the {@code lab.json} at the lab's root: the single source that
 * the README's task table, the tests' {@code @Task} ids and the grader agree with.
 *
 * @param lab        the lab's module name ("caching-lab")
 * @param title      a one-line title
 * @param curriculum the curriculum module(s) the lab comes from
 * @param tasks      the tasks, in order
 * @param fixtures   the labkit fixtures its tests need ("redis"), which the grader starts once per warm test JVM
 */
public record LabCatalogue(String lab, String title, String curriculum, List<LabTask> tasks, List<String> fixtures) {

    /** The catalogue's file name, at the lab's root and on its test classpath. */
    public static final String FILE_NAME = "lab.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public LabCatalogue {
        if (lab == null || lab.isBlank()) {
            throw new IllegalArgumentException("lab.json needs a \"lab\" name, got: " + lab);
        }
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        fixtures = fixtures == null ? List.of() : List.copyOf(fixtures);
        if (new HashSet<>(fixtures).size() != fixtures.size()) {
            throw new IllegalArgumentException(lab + ": lab.json names a fixture twice: " + fixtures);
        }
        Set<String> seen = new HashSet<>();
        for (LabTask task : tasks) {
            if (!seen.add(task.id())) {
                throw new IllegalArgumentException(lab + ": task id " + task.id() + " appears twice in lab.json");
            }
        }
    }

    /** A catalogue whose tests need no fixture. */
    public LabCatalogue(String lab, String title, String curriculum, List<LabTask> tasks) {
        this(lab, title, curriculum, tasks, List.of());
    }

    /** Reads a catalogue file. */
    public static LabCatalogue read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read task catalogue " + file, e);
        }
    }

    /** The catalogue on the class path of the given loader, if the running lab has one. */
    public static Optional<LabCatalogue> fromClassPath(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(FILE_NAME)) {
            return in == null ? Optional.empty() : Optional.of(parse(in, "classpath:" + FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read task catalogue from the class path", e);
        }
    }

    private static LabCatalogue parse(InputStream in, String where) throws IOException {
        try {
            return JSON.readValue(in, LabCatalogue.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("bad task catalogue " + where + ": " + e.getMessage(), e);
        }
    }

    /** The task with this id, if the catalogue has it. */
    public Optional<LabTask> task(String id) {
        return tasks.stream().filter(task -> task.id().equals(id)).findFirst();
    }

    /** The sum of every task's points. */
    public int maxPoints() {
        return tasks.stream().mapToInt(LabTask::points).sum();
    }

    /** Every learner-editable file of the lab, in catalogue order, without repeats. */
    public Set<String> learnerFiles() {
        Set<String> files = new LinkedHashSet<>();
        tasks.forEach(task -> files.addAll(task.files()));
        return files;
    }
}
