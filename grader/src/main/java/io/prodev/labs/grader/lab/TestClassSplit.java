package io.prodev.labs.grader.lab;

import io.prodev.labs.grader.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Splits a lab's compiled tests into the visible ones and the hidden ones ({@code @Hidden} classes and the
 * classes nested in them), in two folders, so that a test JVM running the visible tests has no hidden class
 * on its class path or in its sandbox, and the hidden ones run apart (grader/README.md, "Hidden tests").
 */
final class TestClassSplit {

    /** How a class file that carries {@code @Hidden} names it: its descriptor, in the constant pool. */
    private static final String HIDDEN_DESCRIPTOR = "Lio/prodev/labs/labkit/Hidden;";

    private TestClassSplit() {}

    /**
     * Writes {@code into/visible} and {@code into/hidden} anew from {@code testClasses}: every file goes to
     * exactly one of them (resources and helper classes to the visible one).
     *
     * @return the two folders, visible first
     */
    static List<Path> split(Path testClasses, Path into) {
        Path visible = into.resolve("visible");
        Path hidden = into.resolve("hidden");
        Directories.recreate(visible);
        Directories.recreate(hidden);
        try (Stream<Path> walk = Files.walk(testClasses)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            Set<String> hiddenClasses = hiddenClasses(testClasses, files);
            for (Path file : files) {
                String relative = testClasses.relativize(file).toString().replace('\\', '/');
                Path target = (isHidden(relative, hiddenClasses) ? hidden : visible).resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot split the tests of " + testClasses, e);
        }
        return List.of(visible, hidden);
    }

    /** The hidden classes' paths without ".class" ("io/prodev/labs/caching/LRUCacheHiddenTest"). */
    private static Set<String> hiddenClasses(Path testClasses, List<Path> files) throws IOException {
        Set<String> hidden = new HashSet<>();
        for (Path file : files) {
            String relative = testClasses.relativize(file).toString().replace('\\', '/');
            if (relative.endsWith(".class")
                    && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(HIDDEN_DESCRIPTOR)) {
                hidden.add(relative.substring(0, relative.length() - ".class".length()));
            }
        }
        return hidden;
    }

    /** A hidden class, or a class nested in one (Outer$Inner, Outer$1): @Hidden covers what it encloses. */
    private static boolean isHidden(String relative, Set<String> hiddenClasses) {
        if (!relative.endsWith(".class")) {
            return false;
        }
        String name = relative.substring(0, relative.length() - ".class".length());
        List<String> enclosing = new ArrayList<>(List.of(name));
        for (int dollar = name.indexOf('$'); dollar > 0; dollar = name.indexOf('$', dollar + 1)) {
            enclosing.add(name.substring(0, dollar));
        }
        return enclosing.stream().anyMatch(hiddenClasses::contains);
    }
}
