package io.prodev.labs.grader.launch;

import io.prodev.labs.grader.GraderException;
import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.testjvm.RunnerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the instructor's tests against one submission's classes in a JVM of its own: capped heap, a
 * private working folder, HOME and temp folder, a clean environment, and a wall-clock limit past which
 * the JVM and everything it started are killed. Results come from the events the JVM streamed.
 */
public final class ForkedTestRun {

    /** A crash costs a new JVM; a submission that crashes every one of these has had its chances. */
    private static final int MAX_FORKS = 10;

    private final PreparedLab lab;
    private final RunLimits limits;

    public ForkedTestRun(PreparedLab lab, RunLimits limits) {
        this.lab = lab;
        this.limits = limits;
    }

    /**
     * @param scratch the submission's private folder: the events file and the JVM log live here, and
     *                learner code may write only inside its {@code sandbox/} (so it cannot forge events)
     * @param classes the submission's compiled main classes
     */
    public RunOutcome run(Path scratch, Path classes) {
        Path workspace = scratch.resolve("sandbox");
        Path eventDir = scratch.resolve("events"); // the runner writes here; the OS sandbox lets it, and nothing else outside its workspace
        long deadline = System.nanoTime() + limits.wholeRun().toNanos();
        EventLog events = new EventLog();
        List<String> notes = new ArrayList<>();
        String whyUnfinished = "ended early";
        try {
            TestJvm.createWorkspace(workspace);
            Files.createDirectories(eventDir);
            Path only = null;
            for (int fork = 1; fork <= MAX_FORKS; fork++) {
                Path eventFile = eventDir.resolve("events-" + fork + ".jsonl");
                Process process = start(scratch, workspace, classes, eventFile, only);
                whyUnfinished = waitFor(process, deadline);
                if (events.add(eventFile) || whyUnfinished.equals(limits.stoppedAtTimeLimit()) || events.unfinished().isEmpty()) {
                    break;
                }
                // A test brought the JVM down (JUnit ends a run on OutOfMemoryError): blame it, run the rest anew.
                String reason = events.crash() != null ? events.crash() : whyUnfinished;
                if (events.running() != null) {
                    events.blameWithItsTask(events.running(), reason);
                }
                notes.add("A test crashed the test JVM (" + reason + "); the tests after it ran in a new one.");
                only = eventDir.resolve("rerun-" + fork + ".txt");
                Files.write(only, events.unfinished());
            }
        } catch (IOException e) {
            throw GraderException.infrastructure("cannot run the tests of " + scratch + ": " + e.getMessage(), e);
        }
        notes.addAll(0, events.notes());
        if (!events.anyTestKnown()) {
            notes.add("The test JVM found no test to run; it said: " + TestJvm.logTail(scratch.resolve("test-jvm.log")));
        }
        if (!events.unfinished().isEmpty()) {
            notes.add(EventLog.unfinishedNote(whyUnfinished));
        }
        if (!events.sandboxed() && events.anyTestKnown()) {
            notes.add("The grader's sandbox is not available on this JDK: file and exit protections were off.");
        }
        return new RunOutcome(events.results(whyUnfinished), notes);
    }

    private Process start(Path scratch, Path workspace, Path classes, Path events, Path only) {
        List<Path> readable = new ArrayList<>(List.of(lab.runnerClasses(), classes, lab.testClasses()));
        readable.addAll(lab.classpath());
        List<String> command = OsSandbox.detect().wrap(command(workspace, classes, events, only), readable,
                List.of(workspace, events.getParent()), workspace.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(scratch.resolve("test-jvm.log").toFile()));
        return TestJvm.start(builder, workspace, Map.of());
    }

    private String waitFor(Process process, long deadline) {
        try {
            if (process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                int exit = process.exitValue();
                return exit == 0 ? "ended early" : "ended unexpectedly (test JVM exit code " + exit + ")";
            }
            TestJvm.kill(process);
            process.waitFor();
            return limits.stoppedAtTimeLimit();
        } catch (InterruptedException e) {
            TestJvm.kill(process);
            Thread.currentThread().interrupt();
            throw GraderException.infrastructure("interrupted while tests ran", e);
        }
    }

    private List<String> command(Path workspace, Path classes, Path events, Path only) {
        List<Path> classpath = new ArrayList<>(List.of(lab.runnerClasses(), classes, lab.testClasses()));
        classpath.addAll(lab.classpath());
        List<String> arguments = new ArrayList<>(List.of(events.toString(), classes.toString(), workspace.toString(),
                lab.testClasses().toString(), Long.toString(limits.perTest().toSeconds()),
                Integer.toString(limits.outputBytes())));
        if (only != null) {
            arguments.add(only.toString());
        }
        return TestJvm.command(limits, workspace, classpath, RunnerMain.class.getName(), arguments);
    }
}
