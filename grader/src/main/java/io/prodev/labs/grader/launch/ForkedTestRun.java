package io.prodev.labs.grader.launch;

import io.prodev.labs.grader.Directories;
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
    /** The least time the hidden run gets, even after a visible run that used up the whole-run limit. */
    private static final java.time.Duration HIDDEN_RUN_MINIMUM = java.time.Duration.ofSeconds(15);

    private final PreparedLab lab;
    private final RunLimits limits;

    public ForkedTestRun(PreparedLab lab, RunLimits limits) {
        this.lab = lab;
        this.limits = limits;
    }

    /**
     * Runs the visible tests, then the hidden ones in a JVM of their own.
     *
     * @param scratch the submission's private folder: the events file and the JVM log live here, and
     *                learner code may write only inside its {@code sandbox/} (so it cannot forge events)
     * @param classes the submission's compiled main classes
     */
    public RunOutcome run(Path scratch, Path classes) {
        Path workspace = scratch.resolve("sandbox");
        Path eventDir = scratch.resolve(
                "events"); // the runner writes here; the OS sandbox lets it, and nothing else outside its workspace
        long deadline = System.nanoTime() + limits.wholeRun().toNanos();
        EventLog events = new EventLog();
        List<String> notes = new ArrayList<>();
        String whyUnfinished;
        try {
            TestJvm.createWorkspace(workspace);
            Files.createDirectories(eventDir);
            whyUnfinished = runPhase(false, scratch, workspace, classes, events, notes, deadline);
            if (lab.hasHiddenTests()) {
                // The hidden run gets a little time even when the visible one used it all: a hidden test that never
                // ran would otherwise not be counted at all.
                long hiddenDeadline = Math.max(deadline, System.nanoTime() + HIDDEN_RUN_MINIMUM.toNanos());
                for (String dir : List.of("tmp", "home", "work")) { // no file of the visible run is there for it
                    Directories.empty(workspace.resolve(dir));
                }
                String whyHidden = runPhase(true, scratch, workspace, classes, events, notes, hiddenDeadline);
                if (events.unfinished(false).isEmpty()) {
                    whyUnfinished = whyHidden;
                }
                if (!events.anyHiddenTestKnown()) {
                    return RunOutcome.incomplete("the hidden tests could not run (" + whyHidden + "): "
                            + TestJvm.logTail(scratch.resolve("test-jvm.log")));
                }
            }
        } catch (IOException e) {
            throw GraderException.infrastructure("cannot run the tests of " + scratch + ": " + e.getMessage(), e);
        }
        notes.addAll(0, events.notes());
        if (!events.anyTestKnown()) {
            notes.add(
                    "The test JVM found no test to run; it said: " + TestJvm.logTail(scratch.resolve("test-jvm.log")));
        }
        if (!events.unfinished().isEmpty()) {
            notes.add(EventLog.unfinishedNote(whyUnfinished));
        }
        if (!events.sandboxed() && events.anyTestKnown()) {
            notes.add("This JDK has no SecurityManager: System.exit and reads of the instructor's test files were not"
                    + " checked inside the test JVM, and "
                    + (events.programsBlocked()
                            ? "starting programs was blocked by a seccomp filter."
                            : "nothing stopped learner code from starting programs."));
        }
        return new RunOutcome(events.results(whyUnfinished), notes);
    }

    /**
     * One run, visible or hidden, in as many JVMs as crashes need.
     *
     * @return why its unfinished tests did not finish ("ended early" when none is left)
     */
    private String runPhase(
            boolean hidden,
            Path scratch,
            Path workspace,
            Path classes,
            EventLog events,
            List<String> notes,
            long deadline)
            throws IOException {
        Path eventDir = scratch.resolve("events");
        String phase = hidden ? "hidden" : "visible";
        String whyUnfinished = "ended early";
        Path only = null;
        for (int fork = 1; fork <= MAX_FORKS; fork++) {
            Path eventFile = eventDir.resolve(phase + "-events-" + fork + ".jsonl");
            Process process = start(hidden, scratch, workspace, classes, eventFile, only);
            whyUnfinished = waitFor(process, deadline);
            boolean completed = events.add(eventFile, hidden);
            if (completed
                    || whyUnfinished.equals(limits.stoppedAtTimeLimit())
                    || events.unfinished(hidden).isEmpty()) {
                break;
            }
            // A test brought the JVM down (JUnit ends a run on OutOfMemoryError): blame it, run the rest anew.
            String reason = events.crash() != null ? events.crash() : whyUnfinished;
            if (events.running() != null) {
                events.blameWithItsTask(events.running(), reason);
            }
            notes.add(
                    hidden
                            ? "A hidden test crashed the test JVM; the hidden tests after it ran in a new one."
                            : "A test crashed the test JVM (" + reason + "); the tests after it ran in a new one.");
            only = eventDir.resolve(phase + "-rerun-" + fork + ".txt");
            Files.write(only, events.unfinished(hidden));
        }
        return whyUnfinished;
    }

    private Process start(boolean hidden, Path scratch, Path workspace, Path classes, Path events, Path only) {
        List<Path> testDirs = hidden ? List.of(lab.testClasses(), lab.hiddenTests()) : List.of(lab.testClasses());
        List<Path> classpath = new ArrayList<>(List.of(lab.runnerClasses(), classes));
        classpath.addAll(testDirs);
        classpath.addAll(lab.classpath());
        List<String> arguments = new ArrayList<>(List.of(
                events.toString(),
                classes.toString(),
                workspace.toString(),
                (hidden ? lab.hiddenTests() : lab.testClasses()).toString(),
                String.join(
                        java.io.File.pathSeparator,
                        testDirs.stream().map(Path::toString).toList()),
                Long.toString(limits.perTest().toSeconds()),
                Integer.toString(limits.outputBytes()),
                String.join(",", lab.catalogue().fixtures())));
        if (only != null) {
            arguments.add(only.toString());
        }
        List<String> java = TestJvm.command(limits, workspace, classpath, RunnerMain.class.getName(), arguments);
        // The visible run's sandbox holds no hidden test: it cannot load one, nor read one, on any JDK.
        List<String> command = OsSandbox.detect()
                .wrap(java, classpath, List.of(workspace, events.getParent()), workspace.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        scratch.resolve("test-jvm.log").toFile()));
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
}
