package io.prodev.labs.grader.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prodev.labs.grader.lab.PreparedLab;
import io.prodev.labs.grader.launch.OsSandbox;
import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TestResult;
import io.prodev.labs.grader.report.FeedbackMarkdown;
import io.prodev.labs.grader.report.ResultsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile submissions that reach past the JVM: a library that writes a file, a native library (SQLite) that
 * writes one, a connection to a server on the grading machine, a program started, and code that records the
 * stack frames of the hidden tests that call it. Each is checked by what did not happen on the host, not by
 * what the grader reports. The same batch is graded on the JDK that runs these tests and, where one is
 * installed, on a JDK without a SecurityManager ({@link SandboxContainmentWithoutSecurityManagerTest}).
 *
 * <p>Containing a library's writes, sockets and a JDK without SecurityManager needs the OS sandbox: where
 * bubblewrap is missing the cases are skipped on a developer's machine and fail on CI, which installs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxContainment {

    /** What a program learner code starts prints; it must never reach any output. */
    private static final String PROGRAM_MARK = "ran-as-a-program";

    private Path outside;
    private ServerSocket hostServer;
    private final AtomicInteger connectionsReached = new AtomicInteger();
    private final Map<String, SubmissionResult> results = new LinkedHashMap<>();
    private final Map<String, String> learnerFacing = new LinkedHashMap<>();
    private PreparedLab lab;

    /** The JDK home the test JVMs run on; empty for the one running these tests. */
    abstract Optional<Path> testJdk();

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void gradeTheBatch(@TempDir Path dir) throws IOException {
        assumeTrue(
                OsSandbox.detect().active() || "true".equals(System.getenv("CI")),
                "bubblewrap is not available here: " + OsSandbox.detect().unavailable());
        assertThat(OsSandbox.detect().active())
                .as(
                        "the OS sandbox on CI, which installs bubblewrap: %s",
                        OsSandbox.detect().unavailable())
                .isTrue();
        outside = Files.createDirectories(dir.resolve("outside"));
        hostServer = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread server = new Thread(this::countConnections, "host-server");
        server.setDaemon(true);
        server.start();

        Path batch = Files.createDirectories(dir.resolve("batch"));
        String outsidePath = outside.toString().replace("\\", "\\\\");
        SampleLabSubmissions.withStatement(
                batch,
                "jackson-writes-outside",
                "try { new com.fasterxml.jackson.databind.ObjectMapper().writeValue(new java.io.File(\""
                        + outsidePath + "/jackson.json\"), java.util.Map.of(\"k\", \"v\")); }"
                        + " catch (Exception e) { }");
        SampleLabSubmissions.withStatement(
                batch,
                "sqlite-writes-outside",
                "try (var db = java.sql.DriverManager.getConnection(\"jdbc:sqlite:" + outsidePath + "/sqlite.db\")) {"
                        + " db.createStatement().execute(\"create table if not exists t (x int)\"); }"
                        + " catch (Exception e) { }");
        SampleLabSubmissions.withStatement(
                batch,
                "connects-to-the-host",
                "try (var socket = new java.net.Socket(\"127.0.0.1\", " + hostServer.getLocalPort() + ")) { }"
                        + " catch (Exception e) { }");
        SampleLabSubmissions.withStatement(
                batch,
                "starts-a-program",
                "try { Process p = new ProcessBuilder(\"sh\", \"-c\", \"echo " + PROGRAM_MARK + "; touch "
                        + outsidePath + "/program-ran\").redirectErrorStream(true).start();"
                        + " System.out.println(new String(p.getInputStream().readAllBytes())); }"
                        + " catch (Exception e) { }");
        // Everything it has seen, from any run in this JVM or left in its workspace, goes into its output and
        // into a failure message of a visible test.
        SampleLabSubmissions.withStatement(
                batch,
                "records-hidden-frames",
                "String frames = StackWalker.getInstance().walk(s -> s.map(f -> f.getClassName() + \"#\""
                        + " + f.getMethodName()).collect(java.util.stream.Collectors.joining(\",\")));"
                        + " System.setProperty(\"seen\", System.getProperty(\"seen\", \"\") + frames + \";\");"
                        + " try { java.nio.file.Path kept = java.nio.file.Path.of(System.getProperty(\"user.home\"),"
                        + " \"seen.txt\"); java.nio.file.Files.writeString(kept, frames + \";\","
                        + " java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);"
                        + " System.setProperty(\"seen\", System.getProperty(\"seen\") + java.nio.file.Files.readString(kept));"
                        + " } catch (java.io.IOException e) { }"
                        + " System.out.println(System.getProperty(\"seen\"));"
                        + " if (\"plum\".equals(key)) { throw new IllegalStateException(System.getProperty(\"seen\")); }");

        // In the visible run it leaves a file in its home folder; in the hidden run, finding one fails the test.
        SampleLabSubmissions.withStatement(
                batch,
                "carries-files-into-the-hidden-run",
                "boolean inHiddenRun = StackWalker.getInstance().walk(s -> s.anyMatch(f -> f.getClassName()"
                        + ".contains(\"Hidden\")));"
                        + " java.nio.file.Path mark = java.nio.file.Path.of(System.getProperty(\"user.home\"), \"visible-run\");"
                        + " try { if (!inHiddenRun) { java.nio.file.Files.writeString(mark, \"x\"); }"
                        + " else if (java.nio.file.Files.exists(mark)) { throw new IllegalStateException(\"carried\"); } }"
                        + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }");
        lab = SampleLab.lab();
        String previous = System.getProperty(TEST_JAVA_HOME);
        testJdk().ifPresent(home -> System.setProperty(TEST_JAVA_HOME, home.toString()));
        try {
            RunLimits limits = new RunLimits(Duration.ofSeconds(10), Duration.ofSeconds(240), 256, 4_000);
            for (SubmissionResult result : SampleLabSubmissions.gradeBatch(batch, limits)) {
                results.put(result.submissionId(), result);
                Path report = Files.createDirectories(dir.resolve("reports").resolve(result.submissionId()));
                ResultsJson.write(result, report.resolve("results.json"));
                FeedbackMarkdown.write(result, lab.catalogue(), report.resolve("feedback.md"));
                learnerFacing.put(
                        result.submissionId(),
                        Files.readString(report.resolve("results.json"))
                                + Files.readString(report.resolve("feedback.md")));
            }
        } finally {
            if (previous == null) {
                System.clearProperty(TEST_JAVA_HOME);
            } else {
                System.setProperty(TEST_JAVA_HOME, previous);
            }
        }
    }

    /** The system property that picks the test JVMs' JDK (the grader's {@code TestJava}). */
    private static final String TEST_JAVA_HOME = "prodev.grader.test.java.home";

    @AfterAll
    void stopTheHostServer() throws IOException {
        if (hostServer != null) {
            hostServer.close();
        }
    }

    @Test
    void aLibraryCalledByLearnerCodeWritesNothingOutsideTheWorkspace() {
        assertThat(outside.resolve("jackson.json"))
                .as("the file learner code asked Jackson to write on the host")
                .doesNotExist();
        assertGraded("jackson-writes-outside");
    }

    @Test
    void nativeCodeCalledByLearnerCodeWritesNothingOutsideTheWorkspace() {
        assertThat(outside.resolve("sqlite.db"))
                .as("the database learner code asked SQLite (native code) to create on the host")
                .doesNotExist();
        assertGraded("sqlite-writes-outside");
    }

    @Test
    void noConnectionReachesAServerOnTheHostsLoopback() {
        assertThat(connectionsReached.get())
                .as(
                        "connections that reached a server on the grading machine's 127.0.0.1:%d",
                        hostServer.getLocalPort())
                .isZero();
        assertGraded("connects-to-the-host");
    }

    @Test
    void noProgramStarts() {
        assertThat(outside.resolve("program-ran"))
                .as("the file a started program would have written on the host")
                .doesNotExist();
        assertThat(learnerFacing.get("starts-a-program"))
                .as("what a started program prints, in any output of the tests")
                .doesNotContain(PROGRAM_MARK);
        assertGraded("starts-a-program");
    }

    @Test
    void noHiddenTestNameReachesTheLearner() throws IOException {
        assertThat(learnerFacing.get("records-hidden-frames"))
                .as("the recorder's own output, to show the attempt ran")
                .contains("TallyTest");
        for (String name : hiddenTestNames()) {
            assertThat(learnerFacing.get("records-hidden-frames"))
                    .as("results.json and feedback.md of a submission that records the frames calling it")
                    .doesNotContain(name);
        }
    }

    @Test
    void noFileOfTheVisibleRunIsThereForTheHiddenRun() {
        SubmissionResult result = results.get("carries-files-into-the-hidden-run");
        assertThat(result.tests())
                .as("the hidden tests of a submission that fails them when it finds a file its visible run left")
                .filteredOn(TestResult::hidden)
                .isNotEmpty()
                .allSatisfy(test -> assertThat(test.passed()).isTrue());
        assertThat(result.total()).as("its points").isEqualTo(result.max());
    }

    private void assertGraded(String id) {
        assertThat(results.get(id).max())
                .as("%s was graded: %s", id, results.get(id).message())
                .isPositive();
        assertThat(results.get(id).tests()).as("%s's tests", id).isNotEmpty();
    }

    /** The hidden test classes' simple names: {@code TallyHiddenTest}, ... */
    private List<String> hiddenTestNames() throws IOException {
        try (var files = Files.walk(lab.hiddenTests())) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .toList();
            assertThat(names).as("hidden test classes of %s", lab.name()).isNotEmpty();
            return names;
        }
    }

    private void countConnections() {
        while (!hostServer.isClosed()) {
            try (Socket ignored = hostServer.accept()) {
                connectionsReached.incrementAndGet();
            } catch (IOException e) {
                if (!hostServer.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
