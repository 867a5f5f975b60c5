package io.prodev.labs.grader.testjvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads every instructor test class before the sandbox goes up. The sandbox then forbids learner code
 * to read the test-class folder, and no test class has to be read from disk later with learner code
 * on the stack (a test's loader lambda calling a helper class for the first time, say).
 */
final class TestClassPreloader {

    private final List<String> names;

    private TestClassPreloader(List<String> names) {
        this.names = names;
    }

    /** Lists the test classes once: a warm worker loads them anew for every submission, from the same files. */
    static TestClassPreloader of(Path testClasses) throws IOException {
        if (!Files.isDirectory(testClasses)) {
            return new TestClassPreloader(List.of());
        }
        try (Stream<Path> files = Files.walk(testClasses)) {
            return new TestClassPreloader(files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> testClasses.relativize(file).toString())
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'))
                    .filter(name -> !name.endsWith("module-info") && !name.endsWith("package-info"))
                    .sorted()
                    .toList());
        }
    }

    /** Whether the folder holds any class. */
    boolean any() {
        return !names.isEmpty();
    }

    void loadAll(ClassLoader loader) {
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // A test class that does not link against the submission fails when it runs, with its own message.
            }
        }
    }
}
