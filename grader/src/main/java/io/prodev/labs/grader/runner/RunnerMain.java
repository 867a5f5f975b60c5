package io.prodev.labs.grader.runner;

import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The forked JVM's entry point: runs the instructor's tests against a submission's classes and
 * streams one JSON line per event to a file. The grader starts it; nobody else needs to.
 *
 * <pre>RunnerMain EVENTS LEARNER_CLASSES WORKSPACE TEST_CLASSES TEST_TIMEOUT_S OUTPUT_LIMIT [ONLY_THESE_IDS_FILE]</pre>
 *
 * <p>With the last argument it runs only the tests whose unique ids the file lists: the grader's way to
 * go on after a test brought a JVM down (JUnit ends a run on OutOfMemoryError).
 */
public final class RunnerMain {

    /** Test classes the way Surefire finds them: Test*, *Test, *Tests, *TestCase; nested ones via their outer class. */
    private static final String TEST_CLASS_NAMES = "^(Test.*|.+[.$]Test.*|.*Tests?|.*TestCase)$";

    private RunnerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path events = Path.of(args[0]);
        Path learnerClasses = Path.of(args[1]);
        Path workspace = Path.of(args[2]);
        Path testClasses = Path.of(args[3]);
        String testTimeout = args[4] + " s";
        int outputLimit = Integer.parseInt(args[5]);
        List<String> onlyThese = args.length > 6 ? Files.readAllLines(Path.of(args[6])) : List.of();

        PrintStream realErr = System.err;
        int exitCode = 0;
        EventWriter writer = new EventWriter(events);
        try {
            TestClassPreloader.loadAll(testClasses, RunnerMain.class.getClassLoader());
            LearnerSandbox sandbox = new LearnerSandbox(learnerClasses, workspace, testClasses,
                    denial -> writer.write(writer.event("denied").put("what", denial)));
            boolean sandboxed = install(sandbox);
            writer.write(writer.event("sandbox").put("active", sandboxed));

            OutputCapture output = new OutputCapture(outputLimit);
            PrintStream captured = output.printStream();
            System.setOut(captured);
            System.setErr(captured);

            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .build());
            launcher.execute(request(testClasses, testTimeout, onlyThese), new StreamingListener(writer, output));
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

    private static LauncherDiscoveryRequest request(Path testClasses, String testTimeout, List<String> onlyThese) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        if (onlyThese.isEmpty()) {
            request.selectors(selectClasspathRoots(Set.of(testClasses)))
                    .filters(includeClassNamePatterns(TEST_CLASS_NAMES), excludeClassNamePatterns(".*\\$.*"));
        } else {
            onlyThese.stream().filter(id -> !id.isBlank()).forEach(id -> request.selectors(selectUniqueId(id)));
        }
        return request
                .configurationParameters(Map.of(
                        "junit.jupiter.execution.timeout.default", testTimeout,
                        "junit.jupiter.execution.timeout.mode", "enabled",
                        // A separate thread lets the timeout abandon a loop that never checks for interrupts.
                        "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD",
                        "junit.jupiter.execution.parallel.enabled", "false",
                        "junit.jupiter.displayname.generator.default",
                        "org.junit.jupiter.api.DisplayNameGenerator$Standard"))
                .build();
    }

    @SuppressWarnings("removal") // the SecurityManager is the sandbox Java 17 offers; see LearnerSandbox
    private static boolean install(LearnerSandbox sandbox) {
        try {
            System.setSecurityManager(sandbox);
            return true;
        } catch (UnsupportedOperationException noSecurityManagerOnThisJdk) {
            return false;
        }
    }
}
