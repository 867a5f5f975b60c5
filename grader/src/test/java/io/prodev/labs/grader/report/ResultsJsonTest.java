package io.prodev.labs.grader.report;

import static io.prodev.labs.grader.report.ReportFixtures.HIDDEN_MESSAGE;
import static io.prodev.labs.grader.report.ReportFixtures.HIDDEN_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodev.labs.grader.model.GradeStatus;
import io.prodev.labs.grader.model.SubmissionResult;
import io.prodev.labs.grader.model.TestStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

    @TempDir
    Path dir;

    @Test
    void writesExercismVersion3WithStatusesAndIntegerTaskIds() throws IOException {
        JsonNode json = write(ReportFixtures.partial("alice"));

        assertThat(json.get("version").asInt())
                .as("Exercism test-runner interface version")
                .isEqualTo(3);
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.has("message"))
                .as("no top-level message when nothing went wrong as a whole")
                .isFalse();
        JsonNode failing = json.get("tests").get(2);
        assertThat(failing.get("name").asText()).isEqualTo("LRUCacheTest > evictsLeastRecentlyUsed()");
        assertThat(failing.get("status").asText()).isEqualTo("fail");
        assertThat(failing.get("message").asText()).contains("should evict B");
        assertThat(failing.get("task_id").isInt())
                .as("task_id of a numeric task id is a JSON integer")
                .isTrue();
        assertThat(failing.get("task_id").asInt()).isEqualTo(3);
        assertThat(json.get("tests").get(0).has("message"))
                .as("a passing test has no message")
                .isFalse();
    }

    @Test
    void addsPointsPerTaskAndInTotal() throws IOException {
        JsonNode json = write(ReportFixtures.partial("alice"));

        assertThat(json.get("points").asText()).isEqualTo("15");
        assertThat(json.get("max_points").asInt()).isEqualTo(25);
        assertThat(json.get("submission").asText()).isEqualTo("alice");
        assertThat(json.get("lab").asText()).isEqualTo("caching-lab");
        assertThat(json.get("graded_at").asText()).isEqualTo("2025-03-01T10:15:30Z");
        assertThat(json.get("notes").get(0).asText()).startsWith("ignored changed test file");
        JsonNode lru = json.get("tasks").get(2);
        assertThat(lru.get("id").asInt()).isEqualTo(3);
        assertThat(lru.get("title").asText()).isEqualTo("LRUCache");
        assertThat(List.of(
                        lru.get("points").asText(),
                        lru.get("max_points").asText(),
                        lru.get("passed").asText(),
                        lru.get("total").asText()))
                .containsExactly("0", "10", "1", "3");
    }

    @Test
    void namesHiddenTestsOnlyByNumberAndTaskAndLeaksNothingElse() throws IOException {
        Path file = dir.resolve("results.json");
        ResultsJson.write(ReportFixtures.partial("alice"), file);
        JsonNode tests = new ObjectMapper().readTree(file.toFile()).get("tests");
        String text = Files.readString(file);

        assertThat(tests.get(3).get("name").asText()).isEqualTo("hidden test 1 of task 3");
        assertThat(tests.get(4).get("name").asText()).isEqualTo("hidden test 2 of task 3");
        assertThat(tests.get(4).get("status").asText()).isEqualTo("fail");
        assertThat(tests.get(4).has("message"))
                .as("a failing hidden test has no message")
                .isFalse();
        assertThat(tests.get(4).has("output"))
                .as("a failing hidden test has no output")
                .isFalse();
        assertThat(text)
                .as("results.json must not reveal the hidden test's name, method, message or output")
                .doesNotContain(
                        HIDDEN_NAME, "evictsUnderConcurrentWriters", HIDDEN_MESSAGE, "hidden output", "keepsCapacity");
    }

    @Test
    void scrubsHiddenTestNamesFromNotes() throws IOException {
        SubmissionResult base = ReportFixtures.partial("alice");
        SubmissionResult leaky = new SubmissionResult(
                "alice",
                base.lab(),
                base.status(),
                null,
                List.of("time limit reached in " + HIDDEN_NAME),
                base.compileProblems(),
                base.tests(),
                base.tasks(),
                base.total(),
                base.max(),
                base.gradedAt());

        assertThat(write(leaky).get("notes").get(0).asText()).isEqualTo("time limit reached in [hidden test]");
    }

    @Test
    void explainsAnErrorAndListsCompileErrorsWithFileAndLine() throws IOException {
        JsonNode compiling = write(ReportFixtures.notCompiling("bob"));
        SubmissionResult base = ReportFixtures.partial("carol");
        JsonNode error = write(new SubmissionResult(
                "carol",
                base.lab(),
                GradeStatus.ERROR,
                "no tests ran: the JVM crashed",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                25,
                base.gradedAt()));

        JsonNode problem = compiling.get("compile_errors").get(0);
        assertThat(problem.get("file").asText()).isEqualTo("src/main/java/LRUCache.java");
        assertThat(problem.get("line").asInt()).isEqualTo(12);
        assertThat(problem.get("message").asText()).contains("';' expected");
        assertThat(compiling.get("message").asText()).contains("did not compile");
        assertThat(error.get("status").asText()).isEqualTo("error");
        assertThat(error.get("message").asText()).isEqualTo("no tests ran: the JVM crashed");
    }

    @Test
    void writesANonNumericTaskIdAsAString() throws IOException {
        SubmissionResult base = ReportFixtures.partial("dave");
        SubmissionResult bonus = new SubmissionResult(
                "dave",
                base.lab(),
                base.status(),
                null,
                List.of(),
                List.of(),
                List.of(ReportFixtures.visible(
                        "BonusTest > works()", "bonus", TestStatus.ERROR, "timed out after 10s", "")),
                List.of(),
                0,
                0,
                base.gradedAt());

        JsonNode test = write(bonus).get("tests").get(0);
        assertThat(test.get("task_id").isTextual()).isTrue();
        assertThat(test.get("task_id").asText()).isEqualTo("bonus");
        assertThat(test.get("status").asText()).isEqualTo("error");
    }

    @Test
    void writesTheSameBytesForTheSameResult() throws IOException {
        ResultsJson.write(ReportFixtures.notCompiling("erin"), dir.resolve("a.json"));
        ResultsJson.write(ReportFixtures.notCompiling("erin"), dir.resolve("b.json"));

        assertThat(Files.readAllBytes(dir.resolve("a.json"))).isEqualTo(Files.readAllBytes(dir.resolve("b.json")));
    }

    private JsonNode write(SubmissionResult result) throws IOException {
        Path file = dir.resolve(result.submissionId() + ".json");
        ResultsJson.write(result, file);
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void gradedAtIsGivenToTheSecond() throws IOException {
        SubmissionResult base = ReportFixtures.partial("alice");
        SubmissionResult graded = new SubmissionResult(
                base.submissionId(),
                base.lab(),
                base.status(),
                base.message(),
                base.notes(),
                base.compileProblems(),
                base.tests(),
                base.tasks(),
                base.total(),
                base.max(),
                java.time.Instant.parse("2026-12-03T07:50:12.123456789Z"));

        assertThat(write(graded).get("graded_at").asText())
                .as("graded_at of a result graded at 07:50:12.123456789")
                .isEqualTo("2026-12-03T07:50:12Z");
    }

    @Test
    void aFailedHiddenTestCarriesOnlyItsHint() throws IOException {
        SubmissionResult result = ReportFixtures.withNotesAndTests(
                "erin", List.of(), List.of(ReportFixtures.hiddenWithHint(HIDDEN_NAME, "3", "an update is a use too")));

        JsonNode test = write(result).get("tests").get(0);

        assertThat(test.get("name").asText()).isEqualTo("hidden test 1 of task 3");
        assertThat(test.get("message").asText()).isEqualTo("hint: an update is a use too");
        assertThat(test.toString())
                .as("the hidden test's own name, message and output stay out")
                .doesNotContain(HIDDEN_NAME, HIDDEN_MESSAGE, "hidden output");
    }

    @Test
    void aHiddenTestsClassNameIsScrubbedFromNotes() throws IOException {
        SubmissionResult result = ReportFixtures.withNotesAndTests(
                "frank",
                List.of("Your code left something behind in the test JVM when its tests ended:"
                        + " thread 'SecretEvictionTest-pool-1' was still running"),
                List.of(new io.prodev.labs.grader.model.TestResult(
                        "[engine:junit-jupiter]/[class:io.prodev.labs.caching.SecretEvictionTest]/[method:evicts()]",
                        "SecretEvictionTest > evicts()",
                        "3",
                        true,
                        TestStatus.PASS,
                        null,
                        "")));

        assertThat(write(result).get("notes").get(0).asText())
                .as("a note naming a thread after a hidden test class")
                .doesNotContain("SecretEvictionTest")
                .contains("thread '[hidden test]-pool-1' was still running");
    }
}
