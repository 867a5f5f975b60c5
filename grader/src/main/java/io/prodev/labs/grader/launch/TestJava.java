package io.prodev.labs.grader.launch;

import io.prodev.labs.grader.GraderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The JDK that runs the test JVMs: the grader's own, unless the system property {@value #PROPERTY} names
 * another JDK's home. The grader's tests use it to grade the same hostile batch on a JDK with a SecurityManager
 * and on one without; an instructor can use it to grade on the JDK the class uses.
 *
 * @param home    the JDK's home folder
 * @param feature its feature release (17, 25, ...), read from the JDK's {@code release} file
 */
record TestJava(Path home, int feature) {

    static final String PROPERTY = "prodev.grader.test.java.home";

    /** The JDK that runs the test JVMs now. */
    static TestJava current() {
        String chosen = System.getProperty(PROPERTY, "");
        if (chosen.isBlank()) {
            return new TestJava(
                    Path.of(System.getProperty("java.home")).toAbsolutePath(),
                    Runtime.version().feature());
        }
        return of(Path.of(chosen));
    }

    /** @throws GraderException naming the folder when it is not a JDK's home */
    static TestJava of(Path home) {
        // toRealPath below: bubblewrap binds the folder itself, not a link to it
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            throw GraderException.misuse(PROPERTY + "=" + home + " is not a JDK's home (no bin/java and release file)");
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            properties.load(in);
        } catch (IOException e) {
            throw GraderException.misuse("cannot read " + release + ": " + e.getMessage());
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            return new TestJava(
                    home.toRealPath(), Runtime.Version.parse(version).feature());
        } catch (IOException e) {
            throw GraderException.misuse("cannot resolve " + home + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw GraderException.misuse(release + " gives no JAVA_VERSION the grader understands: '" + version + "'");
        }
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }
}
