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
 * @param testClasses   the compiled visible and hidden tests (target/test-classes)
 * @param classpath     the lab's resolved dependencies (test scope), never the grader's own: the tests run on it
 * @param mainClasspath the lab's compile-scope dependencies: learner code compiles against these, as in Maven
 * @param runnerClasses where the forked test runner's classes are
 */
public record PreparedLab(String name, Path dir, LabCatalogue catalogue, Path testClasses, List<Path> classpath,
                          List<Path> mainClasspath, Path runnerClasses) {

    public PreparedLab {
        classpath = List.copyOf(classpath);
        mainClasspath = List.copyOf(mainClasspath);
    }

    public Path mainJava() {
        return dir.resolve("src/main/java");
    }

    public Path mainResources() {
        return dir.resolve("src/main/resources");
    }

    /** The task a learner file belongs to (the first that lists it). */
    public Optional<LabTask> taskOf(String learnerFile) {
        return catalogue.tasks().stream().filter(task -> task.files().contains(learnerFile)).findFirst();
    }
}
