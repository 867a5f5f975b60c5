package io.prodev.labs.grader.lab;

import io.prodev.labs.labkit.catalogue.LabCatalogue;
import io.prodev.labs.labkit.catalogue.LabTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An instructor's lab, built once, ready to grade submissions against.
 *
 * @param name          the lab's folder name
 * @param dir           the lab's folder in the instructor's repo
 * @param catalogue     its lab.json
 * @param testClasses   the compiled visible tests and their helpers: what a learner's run has too
 * @param hiddenTests   the compiled hidden tests ({@code @Hidden} classes), kept apart: they run in a run of
 *                      their own, after the visible one, and no visible run can load or read them
 * @param classpath     the lab's resolved dependencies (test scope), never the grader's own: the tests run on it
 * @param mainClasspath the lab's compile-scope dependencies: learner code compiles against these, as in Maven
 * @param runnerClasses where the forked test runner's classes are
 */
public record PreparedLab(
        String name,
        Path dir,
        LabCatalogue catalogue,
        Path testClasses,
        Path hiddenTests,
        List<Path> classpath,
        List<Path> mainClasspath,
        Path runnerClasses) {

    public PreparedLab {
        classpath = List.copyOf(classpath);
        mainClasspath = List.copyOf(mainClasspath);
    }

    /**
     * A lab whose compiled tests, visible and hidden together, are in {@code allTestClasses}: they are split
     * into {@code <allTestClasses>-split/visible} and {@code .../hidden}, written anew.
     */
    public static PreparedLab of(
            String name,
            Path dir,
            LabCatalogue catalogue,
            Path allTestClasses,
            List<Path> classpath,
            List<Path> mainClasspath,
            Path runnerClasses) {
        List<Path> split = TestClassSplit.split(
                allTestClasses, allTestClasses.resolveSibling(allTestClasses.getFileName() + "-split"));
        return new PreparedLab(
                name, dir, catalogue, split.get(0), split.get(1), classpath, mainClasspath, runnerClasses);
    }

    /** Whether the lab has hidden tests at all. */
    public boolean hasHiddenTests() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(hiddenTests)) {
            return files.anyMatch(file -> file.toString().endsWith(".class"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    public Path mainJava() {
        return dir.resolve("src/main/java");
    }

    public Path mainResources() {
        return dir.resolve("src/main/resources");
    }

    /** The task a learner file belongs to (the first that lists it). */
    public Optional<LabTask> taskOf(String learnerFile) {
        return catalogue.tasks().stream()
                .filter(task -> task.files().contains(learnerFile))
                .findFirst();
    }
}
