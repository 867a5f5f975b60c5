package io.prodev.labs.grader.lab;

import io.prodev.labs.grader.GraderException;
import io.prodev.labs.labkit.catalogue.LabCatalogue;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds a lab in the instructor's repo and makes sure it is built: compiled main and test classes and
 * its resolved class paths (target/test-classpath.txt and target/main-classpath.txt, written by the parent POM). Builds it with one
 * Maven run when anything is missing or older than the sources: once per batch, never per submission.
 */
public final class LabPreparer {

    static final String CLASSPATH_FILE = "target/test-classpath.txt";
    static final String MAIN_CLASSPATH_FILE = "target/main-classpath.txt";

    private LabPreparer() {}

    public static PreparedLab prepare(Path repo, String name, Consumer<String> log) {
        List<String> labs = LabFolders.labs(repo);
        if (!labs.contains(name)) {
            throw GraderException.misuse(
                    "unknown lab '" + name + "'; labs in " + repo.toAbsolutePath() + ": " + String.join(", ", labs));
        }
        Path dir = repo.resolve(name);
        LabCatalogue catalogue = LabCatalogue.read(dir.resolve(LabCatalogue.FILE_NAME));
        Path classpathFile = dir.resolve(CLASSPATH_FILE);
        if (stale(repo, dir, classpathFile)) {
            log.accept("building " + name + " once with Maven (its tests and class path) ...");
            build(repo, name);
            markBuilt(classpathFile);
        }
        return PreparedLab.of(
                name,
                dir,
                catalogue,
                dir.resolve("target/test-classes"),
                readClasspath(classpathFile),
                readClasspath(dir.resolve(MAIN_CLASSPATH_FILE)),
                runnerClasses());
    }

    private static boolean stale(Path repo, Path dir, Path classpathFile) {
        if (!Files.isRegularFile(classpathFile)
                || !Files.isRegularFile(dir.resolve(MAIN_CLASSPATH_FILE))
                || !Files.isDirectory(dir.resolve("target/test-classes"))) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(classpathFile);
            List<Path> sources = new ArrayList<>(List.of(
                    dir.resolve("src"),
                    dir.resolve("pom.xml"),
                    dir.resolve(LabCatalogue.FILE_NAME),
                    repo.resolve("pom.xml")));
            for (String module : RepoModules.read(repo)
                    .supportModulesOf(List.of(dir.getFileName().toString()))) {
                sources.add(repo.resolve(module).resolve("src"));
                sources.add(repo.resolve(module).resolve("pom.xml"));
            }
            for (Path source : sources) {
                if (newerThan(source, built)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean newerThan(Path path, FileTime built) throws IOException {
        if (!Files.exists(path)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    private static void build(Path repo, String name) {
        String wrapper = System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "./mvnw";
        ProcessBuilder maven = new ProcessBuilder(wrapper, "-q", "-B", "-pl", name, "-am", "process-test-classes")
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        try {
            int exit = maven.start().waitFor();
            if (exit != 0) {
                throw GraderException.infrastructure(
                        "the instructor's " + name + " does not build (Maven exit " + exit + "); fix the lab first",
                        null);
            }
        } catch (IOException e) {
            throw GraderException.infrastructure("cannot run Maven in " + repo + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraderException.infrastructure("interrupted while building " + name, e);
        }
    }

    /** Maven leaves the class path file alone when the class path did not change: date it to this build. */
    private static void markBuilt(Path classpathFile) {
        try {
            Files.setLastModifiedTime(classpathFile, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            throw GraderException.infrastructure("the build of the lab wrote no " + classpathFile, e);
        }
    }

    private static List<Path> readClasspath(Path file) {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty()
                    ? List.of()
                    : Arrays.stream(text.split(File.pathSeparator))
                            .map(Path::of)
                            .toList();
        } catch (IOException e) {
            throw GraderException.infrastructure("cannot read " + file, e);
        }
    }

    /** The folder or jar this class was loaded from: the forked runner's classes come from here too. */
    public static Path runnerClasses() {
        try {
            return Path.of(LabPreparer.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw GraderException.infrastructure("cannot locate the grader's own classes", e);
        }
    }
}
