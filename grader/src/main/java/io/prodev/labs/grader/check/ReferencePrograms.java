package io.prodev.labs.grader.check;

import io.prodev.labs.grader.Directories;
import io.prodev.labs.grader.GraderException;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.LabFixtures;
import io.prodev.labs.grader.launch.StartedFixtures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} class of a lab's reference (its demo, a README example) in a JVM of its own, the way a
 * reader would run it: on the lab's built main and test classes and their dependencies, in a new working
 * folder, with the environment of the lab's fixtures (REDIS_URL for a lab with Redis) and a time limit. The
 * fixtures start with the first run and serve every run after it, emptied in between; {@link #close()}
 * stops them.
 */
final class ReferencePrograms implements AutoCloseable {

    private final PreparedLab lab;
    private LabFixtures fixtures;
    private StartedFixtures started;

    ReferencePrograms(PreparedLab lab) {
        this.lab = lab;
    }

    /**
     * @throws io.prodev.labs.labkit.fixture.FixtureException when the lab's fixtures cannot start
     */
    ProgramRun run(String mainClass, Duration timeLimit) {
        Map<String, String> environment = fixtureEnvironment();
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("grader-check-run-");
            for (String dir : List.of("work", "tmp", "home")) {
                Files.createDirectories(scratch.resolve(dir));
            }
            Path stdout = scratch.resolve("stdout.txt");
            Path stderr = scratch.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command(scratch, mainClass))
                    .directory(scratch.resolve("work").toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            // A clean environment, as the test JVMs get: what the program sees is what any reader's run sees.
            Map<String, String> env = builder.environment();
            String path = env.getOrDefault("PATH", "/usr/bin:/bin");
            env.clear();
            env.put("PATH", path);
            env.put("HOME", scratch.resolve("home").toString());
            env.put("LANG", "C.UTF-8");
            env.putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            boolean finished = process.waitFor(timeLimit.toNanos(), TimeUnit.NANOSECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new ProgramRun(
                    finished,
                    finished ? process.exitValue() : -1,
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8),
                    elapsed);
        } catch (IOException e) {
            throw GraderException.infrastructure(
                    "cannot run " + mainClass + " of " + lab.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraderException.infrastructure("interrupted while " + mainClass + " ran", e);
        } finally {
            Directories.deleteQuietly(scratch);
        }
    }

    private Map<String, String> fixtureEnvironment() {
        if (started == null) {
            if (fixtures == null) {
                fixtures = LabFixtures.of(lab);
            }
            started = fixtures.start();
        } else {
            started.reset(); // nothing one program left in Redis reaches the next
        }
        return started.environment();
    }

    /** The test JVMs' java and flags for a short run (see TestJvm), without the sandbox: this is trusted code. */
    private List<String> command(Path scratch, String mainClass) {
        List<Path> classpath = new ArrayList<>(List.of(lab.dir().resolve("target/classes"), lab.testClasses()));
        classpath.addAll(lab.classpath());
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + scratch.resolve("tmp"),
                "-Duser.home=" + scratch.resolve("home"),
                "-cp",
                String.join(
                        File.pathSeparator,
                        classpath.stream().map(Path::toString).toList()),
                mainClass);
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
        if (fixtures != null) {
            fixtures.close();
        }
    }
}
