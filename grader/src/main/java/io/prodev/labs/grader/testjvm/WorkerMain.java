package io.prodev.labs.grader.testjvm;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.prodev.labs.grader.Directories;
import io.prodev.labs.grader.testjvm.WorkerMessage.Kind;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.launcher.Launcher;

/**
 * A warm test JVM: runs the instructor's tests against one submission after another, each in a class
 * loader of its own, so that a batch pays for JVM start-up, library class loading and JIT compiling once
 * per worker instead of once per submission. The grader's {@code WarmWorkers} starts it and talks to it
 * over stdin and stdout, a line at a time:
 *
 * <pre>
 * WorkerMain WORKSPACE TEST_CLASSES HIDDEN_TESTS TEST_TIMEOUT_S OUTPUT_LIMIT FIXTURES
 *   worker says  READY fixtures-started, or UNSANDBOXED and ends, or ABANDON why (a fixture did not start)
 *   grader says  RUN visible-events-file hidden-events-file learner-classes
 *   worker says  CLEAN | RETIRE why | ABANDON why
 * </pre>
 *
 * <p>The lines are {@link WorkerMessage}s; what each kind means is said there. On ABANDON (a test timed
 * out, the run crashed) the grader runs the submission again in a fresh JVM of its own, so these runs are
 * judged exactly as every run was before warm workers existed.
 *
 * <p>FIXTURES names the lab's fixtures (comma-separated, empty for none). The worker starts them inside
 * itself before any learner code loads, so they live in its OS sandbox and on its loopback, and resets them
 * before every submission.
 *
 * <p>Each submission's tests run twice over: the visible tests, then the hidden ones, each run in a class loader
 * of its own with its own copy of the learner's classes. The visible run's loader cannot load a hidden class,
 * the sandbox lets no learner code read a test file, and the hidden run comes last, so nothing learner code
 * learns there can reach the visible run's messages; the grader reads only pass or fail from the hidden run.
 *
 * <p>Without the sandbox the worker refuses: one submission could then reach the next one's files.
 */
public final class WorkerMain {

    /** The name of each submission's class loader; stack frames carry it, which is how leftovers are spotted. */
    static final String SUBMISSION_LOADER = "submission";

    private final Path workspace;
    private final Path testClasses;
    private final long testSeconds;
    private final PrintStream replies;
    private final LearnerSandbox sandbox;
    private final InJvmFixtures fixtures;
    private final AtomicReference<EventWriter> events;
    private final OutputCapture output;
    private final TestClassPreloader preloader;
    private final Path hiddenTests;
    private final TestClassPreloader hiddenPreloader;
    private final Launcher launcher = TestRunRequest.launcher();

    private WorkerMain(
            Path workspace,
            Path testClasses,
            Path hiddenTests,
            long testSeconds,
            int outputLimit,
            PrintStream replies,
            LearnerSandbox sandbox,
            AtomicReference<EventWriter> events,
            InJvmFixtures fixtures)
            throws IOException {
        this.fixtures = fixtures;
        this.workspace = workspace;
        this.testClasses = testClasses;
        this.hiddenTests = hiddenTests;
        this.preloader = TestClassPreloader.of(testClasses);
        this.hiddenPreloader = TestClassPreloader.of(hiddenTests);
        this.testSeconds = testSeconds;
        this.replies = replies;
        this.sandbox = sandbox;
        this.events = events;
        this.output = new OutputCapture(outputLimit);
    }

    public static void main(String[] args) throws IOException {
        Path workspace = Path.of(args[0]);
        Path testClasses = Path.of(args[1]);
        Path hiddenTests = Path.of(args[2]);
        long testSeconds = Long.parseLong(args[3]);
        int outputLimit = Integer.parseInt(args[4]);
        String fixtureNames = args.length > 5 ? args[5] : "";

        // The protocol's streams are taken before any test runs: learner code that reads System.in gets
        // nothing, and what it prints goes to the capped capture, never into a reply.
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
        BufferedReader commands =
                new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), UTF_8));
        System.setIn(InputStream.nullInputStream());

        InJvmFixtures fixtures;
        try {
            fixtures = InJvmFixtures.start(fixtureNames);
        } catch (RuntimeException e) {
            replies.println(WorkerMessage.of(Kind.ABANDON, "the lab's fixtures could not start: " + e.getMessage())
                    .line());
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(0);
            return;
        }

        // From here on no thread of this JVM can start a program (fixture servers have started already).
        NoPrograms.install();

        AtomicReference<EventWriter> events = new AtomicReference<>();
        LearnerSandbox sandbox = new LearnerSandbox(
                workspace.resolve("no-submission-yet"),
                workspace,
                List.of(testClasses, hiddenTests),
                denial -> events.get().write(events.get().event("denied").put("what", denial)));
        if (!sandbox.install()) {
            replies.println(WorkerMessage.of(Kind.UNSANDBOXED).line());
            Runtime.getRuntime().halt(0);
        }
        WorkerMain worker = new WorkerMain(
                workspace, testClasses, hiddenTests, testSeconds, outputLimit, replies, sandbox, events, fixtures);
        PrintStream captured = worker.output.printStream();
        System.setOut(captured);
        System.setErr(captured);
        replies.println(WorkerMessage.of(Kind.READY, fixtures.descriptions()).line());

        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            WorkerMessage command = worker.command(line);
            worker.run(
                    Path.of(command.fields().get(0)),
                    Path.of(command.fields().get(1)),
                    Path.of(command.fields().get(2)));
        }
        worker.end(WorkerMessage.of(Kind.ABANDON, "the grader went away"));
    }

    /** The RUN the grader sent; anything else ends this worker. */
    private WorkerMessage command(String line) {
        try {
            WorkerMessage command = WorkerMessage.parse(line);
            if (command.kind() == Kind.RUN) {
                return command;
            }
        } catch (IllegalArgumentException notAMessage) {
            // ends below
        }
        end(WorkerMessage.of(Kind.ABANDON, "not a command: " + line));
        throw new AssertionError("end() halts the JVM");
    }

    private void run(Path visibleEvents, Path hiddenEvents, Path learnerClasses) {
        try {
            emptyWorkspace();
            // After the workspace is emptied: a fixture that keeps files in the temporary folder (the SSH server's
            // root and keys) makes them again. Nothing one submission stored in a fixture is there for the next.
            fixtures.reset();
            sandbox.takeJvmWideChanges(); // the worker's own set-up, and the last run's, already judged
            LeftBehind before = LeftBehind.snapshot();
            runTests(visibleEvents, learnerClasses, List.of(testClasses), testClasses, List.of(preloader));
            if (hiddenPreloader.any()) {
                emptyWorkspace(); // no file of the visible run is there for the hidden one
                fixtures.reset(); // nor anything it left in a fixture
                runTests(
                        hiddenEvents,
                        learnerClasses,
                        List.of(testClasses, hiddenTests),
                        hiddenTests,
                        List.of(preloader, hiddenPreloader));
            }
            List<String> left = new ArrayList<>(before.since());
            sandbox.takeJvmWideChanges().forEach(change -> left.add("a JVM-wide setting changed (" + change + ")"));
            if (!left.isEmpty()) {
                end(WorkerMessage.of(Kind.RETIRE, String.join("; ", left)));
            }
            replies.println(WorkerMessage.of(Kind.CLEAN).line());
        } catch (Throwable crash) {
            end(WorkerMessage.of(Kind.ABANDON, "the run crashed: " + crash));
        }
    }

    private void emptyWorkspace() throws IOException {
        for (String dir : List.of("tmp", "home", "work")) {
            Directories.empty(workspace.resolve(dir)); // emptied, not made anew: "work" is this JVM's working folder
        }
    }

    /** Runs the tests under {@code root} in a class loader of their own: learner classes, then {@code testDirs}. */
    private void runTests(
            Path eventFile, Path learnerClasses, List<Path> testDirs, Path root, List<TestClassPreloader> preloaders)
            throws IOException {
        List<URL> urls = new ArrayList<>(List.of(learnerClasses.toUri().toURL()));
        for (Path dir : testDirs) {
            urls.add(dir.toUri().toURL());
        }
        URLClassLoader submission =
                new URLClassLoader(SUBMISSION_LOADER, urls.toArray(URL[]::new), WorkerMain.class.getClassLoader());
        try (EventWriter writer = new EventWriter(eventFile)) {
            events.set(writer);
            writer.write(writer.event("sandbox").put("active", true));
            preloaders.forEach(preloader -> preloader.loadAll(submission));
            sandbox.judge(learnerClasses);
            Thread.currentThread().setContextClassLoader(submission);
            output.take();
            launcher.execute(
                    TestRunRequest.of(root, testSeconds, List.of()),
                    new StreamingListener(
                            writer, output, () -> end(WorkerMessage.of(Kind.ABANDON, "a test timed out"))));
            writer.write(writer.event("done"));
        } finally {
            Thread.currentThread().setContextClassLoader(WorkerMain.class.getClassLoader());
            sandbox.judge(workspace.resolve("no-submission-yet"));
            submission.close();
        }
    }

    /** Says why and ends this JVM at once: whatever the run left running goes with it. */
    private void end(WorkerMessage reply) {
        sandbox.allowRunnerExit();
        replies.println(reply.line());
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(0);
    }
}
