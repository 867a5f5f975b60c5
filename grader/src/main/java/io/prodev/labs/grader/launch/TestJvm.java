package io.prodev.labs.grader.launch;

import io.prodev.labs.grader.GraderException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the grader starts a test JVM, a fresh one per submission or a warm worker alike: the same java,
 * the same limits, a private working folder, HOME and temp folder, and a clean environment.
 */
final class TestJvm {

    /**
     * JDK 24 removed the SecurityManager (JEP 486) and refuses to start when asked to allow one; there the
     * runner goes on without its sandbox and says so. The test JVM is this JVM's own java.
     */
    private static final int FIRST_JDK_WITHOUT_SECURITY_MANAGER = 24;

    /**
     * From JDK 22 the test JVM forbids starting programs with a seccomp filter it installs through the
     * foreign-function API (testjvm's {@code NoPrograms}). The flag only silences the JDK's warning about
     * native access: learner code has that access with or without it.
     */
    private static final int FIRST_JDK_WITH_FOREIGN_FUNCTIONS = 22;

    /**
     * Every test JVM is started from this one thread, which lives as long as the grader: the OS sandbox kills
     * its JVM when the thread that started it ends (Linux's parent-death signal follows the thread, not the
     * process), so a JVM started from a short-lived thread, such as a worker's pre-start, would die with it.
     */
    private static final ExecutorService PROCESS_STARTER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "test-jvm-starter");
        thread.setDaemon(true);
        return thread;
    });

    private TestJvm() {}

    /** Makes the private folders learner code may write to: {@code tmp}, {@code home} and {@code work}. */
    static void createWorkspace(Path workspace) throws IOException {
        for (String dir : List.of("tmp", "home", "work")) {
            Files.createDirectories(workspace.resolve(dir));
        }
    }

    static List<String> command(
            RunLimits limits, Path workspace, List<Path> classpath, String mainClass, List<String> arguments) {
        TestJava jdk = TestJava.current();
        String java = jdk.java().toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx" + limits.heapMb() + "m",
                "-Xss1m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + workspace.resolve("tmp"),
                "-Duser.home=" + workspace.resolve("home")));
        if (jdk.feature() < FIRST_JDK_WITHOUT_SECURITY_MANAGER) {
            command.add("-Djava.security.manager=allow"); // lets the runner install the sandbox
        }
        if (jdk.feature() >= FIRST_JDK_WITH_FOREIGN_FUNCTIONS) {
            command.add("--enable-native-access=ALL-UNNAMED"); // NoPrograms installs its filter without a warning
        }
        command.addAll(List.of(
                "-cp",
                String.join(
                        File.pathSeparator,
                        classpath.stream().map(Path::toString).toList()),
                mainClass));
        command.addAll(arguments);
        return command;
    }

    /**
     * @param environment what the JVM's environment holds besides PATH, HOME and LANG; nothing from the
     *                    instructor's shell (no REDIS_URL, no secrets) reaches learner code
     */
    static Process start(ProcessBuilder builder, Path workspace, Map<String, String> environment) {
        builder.directory(workspace.resolve("work").toFile());
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", workspace.resolve("home").toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(environment);
        try {
            return PROCESS_STARTER.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw GraderException.infrastructure(
                    "cannot start a test JVM: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GraderException.infrastructure("interrupted while starting a test JVM", e);
        }
    }

    /** Kills the JVM and everything it started (a Redis server, a learner's child process). */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The end of a test JVM's own log, JVM warnings left out: what it said before it ended. */
    static String logTail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log).stream()
                    .filter(line -> !line.startsWith("WARNING:"))
                    .toList();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()))
                    .strip();
            return tail.isEmpty() ? "(nothing)" : tail;
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }
}
