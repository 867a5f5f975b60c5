package io.prodev.labs.grader.testjvm;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The forked JVM's entry point: runs the instructor's tests against a submission's classes and
 * streams one JSON line per event to a file. The grader starts it; nobody else needs to.
 *
 * <pre>RunnerMain EVENTS LEARNER_CLASSES WORKSPACE TEST_ROOT TEST_DIRS TEST_TIMEOUT_S OUTPUT_LIMIT FIXTURES [ONLY_THESE_IDS_FILE]</pre>
 *
 * <p>TEST_ROOT is where the tests to run are (the visible tests, or in a run of their own the hidden ones);
 * TEST_DIRS, path-separated, every test folder on the class path, which learner code may not read;
 * FIXTURES, comma-separated, the fixtures lab.json names ("" for none). They start before any learner class
 * loads, so that starting programs can be forbidden from then on ({@link NoPrograms}).
 *
 * <p>With the last argument it runs only the tests whose unique ids the file lists: the grader's way to
 * go on after a test brought a JVM down (JUnit ends a run on OutOfMemoryError).
 */
public final class RunnerMain {

    private RunnerMain() {}

    public static void main(String[] args) throws Exception {
        Path events = Path.of(args[0]);
        Path learnerClasses = Path.of(args[1]);
        Path workspace = Path.of(args[2]);
        Path testClasses = Path.of(args[3]);
        List<Path> testDirs = java.util.Arrays.stream(args[4].split(java.io.File.pathSeparator))
                .map(Path::of)
                .toList();
        long testSeconds = Long.parseLong(args[5]);
        int outputLimit = Integer.parseInt(args[6]);
        String fixtureNames = args[7];
        List<String> onlyThese = args.length > 8 ? Files.readAllLines(Path.of(args[8])) : List.of();

        PrintStream realErr = System.err;
        int exitCode = 0;
        EventWriter writer = new EventWriter(events);
        try {
            InJvmFixtures.start(fixtureNames);
            String programsAllowedBecause = NoPrograms.install();
            for (Path dir : testDirs) {
                TestClassPreloader.of(dir).loadAll(RunnerMain.class.getClassLoader());
            }
            LearnerSandbox sandbox = new LearnerSandbox(
                    learnerClasses,
                    workspace,
                    testDirs,
                    denial -> writer.write(writer.event("denied").put("what", denial)));
            boolean sandboxed = sandbox.install();
            writer.write(writer.event("sandbox")
                    .put("active", sandboxed)
                    .put("programs_blocked", programsAllowedBecause == null));

            OutputCapture output = new OutputCapture(outputLimit);
            PrintStream captured = output.printStream();
            System.setOut(captured);
            System.setErr(captured);

            TestRunRequest.launcher()
                    .execute(
                            TestRunRequest.of(testClasses, testSeconds, onlyThese),
                            new StreamingListener(writer, output, AbandonedThreads::stopTimedOutTests));
            writer.write(writer.event("done"));
            sandbox.allowRunnerExit();
        } catch (Throwable e) {
            // What brought the run down is the reason the running test gets; the grader runs the rest again.
            exitCode = 3;
            try {
                writer.write(writer.event("crashed").put("reason", e.toString()));
            } catch (Throwable writeFailed) {
                realErr.println("grader runner failed: " + e);
            }
        } finally {
            writer.close();
        }
        // Learner threads that never end must not keep this JVM (or a server it started) alive.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(exitCode);
    }
}
