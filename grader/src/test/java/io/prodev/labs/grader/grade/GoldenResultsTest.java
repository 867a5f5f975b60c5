package io.prodev.labs.grader.grade;

import static io.prodev.labs.grader.grade.SampleLabSubmissions.withStatement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.prodev.labs.grader.launch.RunLimits;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.report.BatchReport;
import io.prodev.labs.grader.report.JsonFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden scenarios: what a learner reads in results.json for five submissions of the {@link SampleLab}, graded
 * in one batch and written by the grader's own report writer ({@link BatchReport}), against the reviewed files in
 * src/test/resources/sample-lab-golden/. A change there is a change to what learners and tools read.
 *
 * <p>Before the comparison, values that vary from run to run are replaced, in every string of the file:
 *
 * <ul>
 *   <li>{@code graded_at} (the clock) becomes {@code <graded_at>};
 *   <li>a loopback port ({@code 127.0.0.1:40123}, the counter server's free port) becomes {@code 127.0.0.1:<port>};
 *   <li>a path under the temp folder ({@code /tmp/grader-123/...}, a workspace) becomes {@code <tmp>/...};
 *   <li>the number of JUnit's timeout thread ({@code junit-timeout-thread-4}) becomes {@code <n>}: it counts the
 *       timed tests run before, in the JVM's class order;
 *   <li>the note "The OS sandbox was off (...)" is dropped: it depends on whether this machine has bubblewrap,
 *       and HostileSubmissionsTest and OsSandbox say what the sandbox does.
 * </ul>
 *
 * results.json holds no duration, so none is replaced; a test that timed out says the per-test limit (5 s here),
 * which is fixed. When a file differs, its normalised form is in target/sample-lab-golden-actual/ for a diff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenResultsTest {

    private static final String GOLDEN = "/sample-lab-golden/";
    private static final Path ACTUAL = Path.of("target", "sample-lab-golden-actual");
    private static final Pattern LOOPBACK_PORT = Pattern.compile("127\\.0\\.0\\.1:\\d+");
    private static final Pattern TEMP_PATH =
            Pattern.compile(Pattern.quote(Path.of(System.getProperty("java.io.tmpdir"))
                                    .toAbsolutePath()
                                    .normalize() + "/")
                    + "[^\\s\"']*");
    private static final Pattern TIMEOUT_THREAD = Pattern.compile("junit-timeout-thread-\\d+");
    private static final String SANDBOX_OFF_NOTE = "The OS sandbox was off";

    private Path out;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void gradeTheScenarios(@TempDir Path dir) throws IOException {
        Path batch = Files.createDirectories(dir.resolve("batch"));
        SampleLabSubmissions.reference(batch, "all-pass");
        withStatement(batch, "compile-error", "int broken = ;");
        withStatement(batch, "system-exit", "if (key != null) { System.exit(3); }");
        withStatement(batch, "timeout", SampleLabSubmissions.LOOPS_FOREVER);
        // An OutOfMemoryError ends a JUnit run: the JVM's crash the grader recovers from.
        withStatement(batch, "crash", SampleLabSubmissions.RUNS_OUT_OF_MEMORY);

        RunLimits limits = new RunLimits(Duration.ofSeconds(5), Duration.ofSeconds(240), 128, 2_000);
        List<SubmissionResult> results = SampleLabSubmissions.gradeBatch(batch, limits);
        out = dir.resolve("out");
        BatchReport.write(SampleLab.lab().catalogue(), results, out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"all-pass", "compile-error", "system-exit", "timeout", "crash"})
    void resultsJsonIsTheGoldenOne(String scenario) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode written = json.readTree(
                out.resolve(scenario).resolve(BatchReport.RESULTS_JSON).toFile());
        Path actual = ACTUAL.resolve(scenario + ".results.json");
        JsonFiles.write(normalised(written), actual);

        assertThat(Files.readString(actual))
                .as(
                        "results.json of the '%s' submission, normalised (%s), against src/test/resources%s%s.results.json",
                        scenario, actual.toAbsolutePath(), GOLDEN, scenario)
                .isEqualTo(golden(scenario + ".results.json"));
    }

    /** The tree with what varies from run to run replaced, as the class comment says. */
    private static JsonNode normalised(JsonNode written) {
        ObjectNode root = (ObjectNode) replaceVarying(written.deepCopy());
        root.put("graded_at", "<graded_at>");
        ArrayNode notes = (ArrayNode) root.get("notes");
        for (Iterator<JsonNode> note = notes.elements(); note.hasNext(); ) {
            if (note.next().asText().startsWith(SANDBOX_OFF_NOTE)) {
                note.remove();
            }
        }
        return root;
    }

    private static JsonNode replaceVarying(JsonNode node) {
        if (node.isTextual()) {
            String text = LOOPBACK_PORT.matcher(node.asText()).replaceAll("127.0.0.1:<port>");
            text = TEMP_PATH.matcher(text).replaceAll("<tmp>/...");
            text = TIMEOUT_THREAD.matcher(text).replaceAll("junit-timeout-thread-<n>");
            return new TextNode(text);
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(replaceVarying(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaceVarying(array.get(i)));
            }
        }
        return node;
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenResultsTest.class.getResourceAsStream(GOLDEN + name)) {
            assertThat(in)
                    .as("golden file src/test/resources%s%s", GOLDEN, name)
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
