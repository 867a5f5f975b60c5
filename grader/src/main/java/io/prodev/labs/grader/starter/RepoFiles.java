package io.prodev.labs.grader.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the instructor's repository for the generator: sorted walks, so the learner edition is the same
 * every time, and no symbolic link that leads out of the repository is ever read.
 */
final class RepoFiles {

    private final Path root;
    private final Path realRoot;

    RepoFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("repository root " + root + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The repository path of {@code file}, with {@code /} separators ("caching-lab/pom.xml"). */
    String relative(Path file) {
        return slashes(root.relativize(file.toAbsolutePath().normalize()));
    }

    /**
     * Every file under {@code dir}, sorted by path. {@code skip} sees each path relative to {@code dir}
     * ("target", "src/test/java/A.java") and prunes what it accepts; directories that are symbolic links
     * are not entered.
     */
    List<Path> walk(Path dir, Predicate<String> skip) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    boolean pruned = !folder.equals(dir) && skip.test(slashes(dir.relativize(folder)));
                    return pruned ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    boolean linkedFolder = attributes.isSymbolicLink() && Files.isDirectory(file);
                    if (!linkedFolder && !skip.test(slashes(dir.relativize(file)))) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        files.sort(Comparator.comparing(file -> slashes(dir.relativize(file))));
        return files;
    }

    static String slashes(Path relativePath) {
        return relativePath.toString().replace('\\', '/');
    }

    /** The bytes of a file; a symbolic link is read only when it stays inside the repository. */
    byte[] read(Path file) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new IllegalArgumentException(relative(file) + " is a symbolic link to " + real
                        + ", outside the repository; the learner edition copies only the repository's own files");
            }
            return Files.readAllBytes(real);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A UTF-8 text file of the repository, by its repository path. */
    String readText(String relativePath) {
        return new String(read(resolve(relativePath)), StandardCharsets.UTF_8);
    }

    /** The path of a file or folder at the repository's top level (or deeper, "a/b"). */
    Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }
}
