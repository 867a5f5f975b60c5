package io.prodev.labs.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The folder chores the grader does in many places: read a tree as text, copy, empty or delete a folder. */
public final class Directories {

    private Directories() {}

    /**
     * Every regular file under {@code root} as text, keyed by its path relative to {@code base} with '/'
     * separators (the form lab.json uses), in sorted order. A missing {@code root} is an empty tree.
     */
    public static Map<String, String> readText(Path base, Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(base.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return files;
    }

    /** Makes {@code dir} an existing, empty folder. */
    public static void recreate(Path dir) {
        deleteQuietly(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * Deletes what is inside a folder but not the folder itself: a JVM whose working folder it is resolves
     * relative paths against that very folder, and a new one of the same name would not be it.
     */
    public static void empty(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            children.forEach(Directories::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }

    /** Copies the tree {@code from} to {@code to}, which must not exist yet; a missing {@code from} copies nothing. */
    public static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to);
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Deletes a folder and everything in it, as far as it can: a temp leftover never fails a grade. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
